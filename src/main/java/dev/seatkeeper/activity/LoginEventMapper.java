package dev.seatkeeper.activity;

import java.time.Instant;
import java.util.List;

import dev.seatkeeper.salesforce.KeyedQuery;
import dev.seatkeeper.salesforce.Soql;
import dev.seatkeeper.salesforce.SalesforceRecords;
import tools.jackson.databind.JsonNode;

/** The LoginHistory query of one time window, keyed by (LoginTime, Id), and the mapping of its records. */
final class LoginEventMapper {

	static final List<String> FIELDS = List.of("UserId", "LoginTime", "Status", "LoginType", "Application");

	private LoginEventMapper() {
	}

	/** Logins in {@code (from, to]}, paged by (LoginTime, Id) because bursts share one LoginTime second. */
	static KeyedQuery window(Instant from, Instant to, int limit) {
		String filter = "LoginTime > " + Soql.literal(from) + " AND LoginTime <= " + Soql.literal(to);
		return KeyedQuery.byTimeAndId("LoginHistory", FIELDS, "LoginTime", filter, limit);
	}

	static LoginEvent map(JsonNode record) {
		return new LoginEvent(SalesforceRecords.text(record, "Id"), SalesforceRecords.text(record, "UserId"),
				SalesforceRecords.instant(record, "LoginTime"), SalesforceRecords.text(record, "Status"),
				SalesforceRecords.text(record, "LoginType"), SalesforceRecords.text(record, "Application"));
	}

}
