package dev.seatkeeper.sandbox.soql;

/**
 * Builds errors shaped like Salesforce's: the offending query line, a caret under the position, the row and column,
 * then what is wrong. Clients match on {@code errorCode}; people read the message.
 */
final class SoqlErrors {

	private static final String CUSTOM_FIELD_HINT = "If you are attempting to use a custom field, be sure to append the"
			+ " '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate"
			+ " names.";

	private static final String CUSTOM_OBJECT_HINT = "If you are attempting to use a custom object, be sure to append"
			+ " the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate"
			+ " names.";

	private SoqlErrors() {
	}

	static SoqlException unexpected(String soql, Token token) {
		return SoqlException.malformed(at(soql, token.row(), token.column(),
				"unexpected token: '" + token.display() + "'"));
	}

	static SoqlException malformed(String soql, int row, int column, String detail) {
		return SoqlException.malformed(at(soql, row, column, detail));
	}

	static SoqlException malformed(String soql, Token token, String detail) {
		return malformed(soql, token.row(), token.column(), detail);
	}

	static SoqlException noSuchColumn(String soql, Token field, String objectName) {
		return SoqlException.invalidField(at(soql, field.row(), field.column(),
				"No such column '" + field.text() + "' on entity '" + objectName + "'. " + CUSTOM_FIELD_HINT));
	}

	static SoqlException unsupportedObject(String soql, Token object) {
		return SoqlException.invalidType(at(soql, object.row(), object.column(),
				"sObject type '" + object.text() + "' is not supported. " + CUSTOM_OBJECT_HINT));
	}

	static SoqlException invalidField(String soql, Token token, String detail) {
		return SoqlException.invalidField(at(soql, token.row(), token.column(), detail));
	}

	/** The query line the error is on, a caret under the column, and the Salesforce "ERROR at Row" line. */
	private static String at(String soql, int row, int column, String detail) {
		String line = soql.lines().skip(row - 1L).findFirst().orElse("");
		return "\n" + line + "\n" + " ".repeat(Math.max(0, column - 1)) + "^\nERROR at Row:" + row + ":Column:"
				+ column + "\n" + detail;
	}

}
