package dev.seatkeeper.sandbox.soql;

import static dev.seatkeeper.sandbox.soql.TestOrg.parse;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every refusal carries Salesforce's errorCode and a message that points at the offending text. */
class SoqlErrorTests {

	private static void assertRefused(ThrowingCallable parse, String errorCode, String... messageParts) {
		assertThatExceptionOfType(SoqlException.class).isThrownBy(parse)
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.errorCode()).isEqualTo(errorCode))
			.withMessageContainingAll(messageParts);
	}

	@Test
	void unknownSelectedFieldIsInvalidFieldAtItsPosition() {
		assertRefused(() -> parse("SELECT Foo FROM User"), "INVALID_FIELD",
				"\nSELECT Foo FROM User\n       ^\nERROR at Row:1:Column:8\nNo such column 'Foo' on entity 'User'."
						+ " If you are attempting to use a custom field, be sure to append the '__c' after the custom"
						+ " field name. Please reference your WSDL or the describe call for the appropriate names.");
	}

	@Test
	void unknownFieldInWhereAndOrderByAndRelationshipPath() {
		assertRefused(() -> parse("SELECT Id FROM User WHERE Nmae = 'x'"), "INVALID_FIELD",
				"Row:1:Column:27", "No such column 'Nmae' on entity 'User'");
		assertRefused(() -> parse("SELECT Id FROM User\nORDER BY Created"), "INVALID_FIELD",
				"\nORDER BY Created\n         ^\nERROR at Row:2:Column:10", "No such column 'Created'");
		assertRefused(() -> parse("SELECT Profile.Foo FROM User"), "INVALID_FIELD", "'Profile.Foo'");
		assertRefused(() -> parse("SELECT Status FROM User"), "INVALID_FIELD", "'Status' on entity 'User'");
	}

	@Test
	void unknownObjectIsInvalidType() {
		assertRefused(() -> parse("SELECT Id FROM Foo"), "INVALID_TYPE", "Row:1:Column:16",
				"sObject type 'Foo' is not supported.");
	}

	@Test
	void andAndOrMixedWithoutParenthesesAreRefusedAtTheSecondOperator() {
		assertRefused(() -> parse("SELECT Id FROM User WHERE IsActive = true AND Name = 'x' OR Name = 'y'"),
				"MALFORMED_QUERY", "ERROR at Row:1:Column:58", "unexpected token: 'OR'");
		assertRefused(() -> parse("SELECT Id FROM User WHERE Name = 'x' OR Name = 'y' AND IsActive = true"),
				"MALFORMED_QUERY", "unexpected token: 'AND'");
		assertRefused(() -> parse("SELECT Id FROM User WHERE (Name = 'x' OR Name = 'y' AND IsActive = true)"),
				"MALFORMED_QUERY", "unexpected token: 'AND'");
	}

	@Test
	void syntaxErrorsAreMalformedWithTheUnexpectedToken() {
		assertRefused(() -> parse("SELECT Id FROM User WHERE"), "MALFORMED_QUERY", "Row:1:Column:26",
				"unexpected token: '<EOF>'");
		assertRefused(() -> parse("SELECT Id User"), "MALFORMED_QUERY", "Row:1:Column:11",
				"unexpected token: 'User'");
		assertRefused(() -> parse("SELECT FROM User"), "MALFORMED_QUERY", "unexpected token: 'FROM'");
		assertRefused(() -> parse("SELECT Id FROM User WHERE (Name = 'x'"), "MALFORMED_QUERY", "'<EOF>'");
		assertRefused(() -> parse("SELECT Id FROM User WHERE Name = 'x' Name"), "MALFORMED_QUERY",
				"Column:38", "unexpected token: 'Name'");
		assertRefused(() -> parse("SELECT Id FROM User WHERE Name == 'x'"), "MALFORMED_QUERY", "Column:33",
				"unexpected token: '='");
		assertRefused(() -> parse("SELECT Id FROM User WHERE Name ! 'x'"), "MALFORMED_QUERY", "'!'");
		assertRefused(() -> parse("SELECT Id FROM User WHERE Name # 'x'"), "MALFORMED_QUERY", "'#'");
		assertRefused(() -> parse("SELECT Id FROM User WHERE Name IN ()"), "MALFORMED_QUERY", "')'");
		assertRefused(() -> parse("SELECT Id FROM User ORDER BY Name NULLS MIDDLE"), "MALFORMED_QUERY",
				"'MIDDLE'");
		assertRefused(() -> parse("SELECT Id, COUNT() FROM User"), "MALFORMED_QUERY", "Column:17", "'('");
		assertRefused(() -> parse("SELECT Id, Name, id FROM User"), "MALFORMED_QUERY",
				"duplicate field selected: id");
	}

	@Test
	void badLiteralsAreMalformed() {
		assertRefused(() -> parse("SELECT Id FROM User WHERE Name = 'O'Brien'"), "MALFORMED_QUERY",
				"unexpected token: 'Brien'");
		assertRefused(() -> parse("SELECT Id FROM User WHERE Name = 'open"), "MALFORMED_QUERY", "Column:34",
				"unterminated string literal");
		assertRefused(() -> parse("SELECT Id FROM User WHERE Name = 'a\\qb'"), "MALFORMED_QUERY",
				"Illegal character sequence '\\q'");
		assertRefused(() -> parse("SELECT Id FROM User WHERE Name = 'a\\u12'"), "MALFORMED_QUERY",
				"Invalid unicode escape");
		assertRefused(() -> parse("SELECT Id FROM User WHERE LastLoginDate > 2026-11-25T14:03:07"),
				"MALFORMED_QUERY", "2026-11-25T14:03:07");
		assertRefused(() -> parse("SELECT Id FROM User WHERE StartDate__c > 2026-02-30"), "MALFORMED_QUERY",
				"2026-02-30");
	}

	@Test
	void literalOfTheWrongTypeForTheFieldIsInvalidField() {
		assertRefused(() -> parse("SELECT Id FROM User WHERE StartDate__c > 2026-11-25T00:00:00Z"), "INVALID_FIELD",
				"Column:42", "value of filter criterion for field 'StartDate__c' must be of type date and should not"
						+ " be enclosed in quotes");
		assertRefused(() -> parse("SELECT Id FROM User WHERE LastLoginDate > 2026-11-25"), "INVALID_FIELD",
				"field 'LastLoginDate' must be of type dateTime");
		assertRefused(() -> parse("SELECT Id FROM User WHERE LastLoginDate > '2026-11-25T00:00:00Z'"),
				"INVALID_FIELD", "must be of type dateTime and should not be enclosed in quotes");
		assertRefused(() -> parse("SELECT Id FROM User WHERE IsActive = 'true'"), "INVALID_FIELD",
				"field 'IsActive' must be of type boolean");
		assertRefused(() -> parse("SELECT Id FROM User WHERE Name = 5"), "INVALID_FIELD",
				"field 'Name' must be of type string and should be enclosed in quotes");
		assertRefused(() -> parse("SELECT Id FROM User WHERE Id IN ('005A', 7)"), "INVALID_FIELD",
				"field 'Id' must be of type id");
		assertRefused(() -> parse("SELECT Id FROM User WHERE Logins__c = '5'"), "INVALID_FIELD",
				"field 'Logins__c' must be of type int");
		assertRefused(() -> parse("SELECT Id FROM User WHERE Name LIKE 5"), "INVALID_FIELD",
				"must be of type string");
	}

	@Test
	void likeOnANonStringFieldIsInvalidField() {
		assertRefused(() -> parse("SELECT Id FROM User WHERE Id LIKE '005%'"), "INVALID_FIELD",
				"invalid operator on id field", "Column:27");
		assertRefused(() -> parse("SELECT Id FROM User WHERE IsActive LIKE 'x'"), "INVALID_FIELD",
				"invalid operator on boolean field");
	}

	@Test
	void limitMustBeANonNegativeInteger() {
		assertRefused(() -> parse("SELECT Id FROM User LIMIT -1"), "MALFORMED_QUERY", "Column:27", "'-1'");
		assertRefused(() -> parse("SELECT Id FROM User LIMIT 1.5"), "MALFORMED_QUERY", "'1.5'");
		assertRefused(() -> parse("SELECT Id FROM User LIMIT"), "MALFORMED_QUERY", "'<EOF>'");
		assertRefused(() -> parse("SELECT Id FROM User LIMIT 99999999999"), "MALFORMED_QUERY", "too large");
	}

}
