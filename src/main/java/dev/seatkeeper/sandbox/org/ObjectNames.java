package dev.seatkeeper.sandbox.org;

/** Messages worded as Salesforce words them, shared by the org model and the HTTP layer. */
public final class ObjectNames {

	private ObjectNames() {
	}

	public static String noSuchField(String type, String field) {
		return "No such column '" + field + "' on sobject of type " + type;
	}

}
