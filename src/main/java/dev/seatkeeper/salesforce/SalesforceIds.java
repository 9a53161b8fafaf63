package dev.seatkeeper.salesforce;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Checks record Ids before they go into a URL path or query string, and compares Ids of either length. */
public final class SalesforceIds {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");

	private SalesforceIds() {
	}

	static String check(String id) {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("Not a Salesforce record Id: '" + id + "'");
		}
		return id;
	}

	/**
	 * An Id comparable whether Salesforce wrote it with 15 or 18 characters: the case-sensitive first 15; empty for
	 * null.
	 */
	public static String id15(@Nullable String id) {
		if (id == null) {
			return "";
		}
		return (id.length() > 15) ? id.substring(0, 15) : id;
	}

}
