package dev.seatkeeper.salesforce;

import java.util.regex.Pattern;

/** Checks record Ids before they go into a URL path or query string. */
final class SalesforceIds {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");

	private SalesforceIds() {
	}

	static String check(String id) {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("Not a Salesforce record Id: '" + id + "'");
		}
		return id;
	}

}
