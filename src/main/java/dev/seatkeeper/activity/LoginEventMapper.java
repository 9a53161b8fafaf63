package dev.seatkeeper.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.salesforce.KeyedQuery;
import dev.seatkeeper.salesforce.Soql;
import dev.seatkeeper.storage.FieldLimits;
import dev.seatkeeper.storage.Unstorable;
import tools.jackson.databind.JsonNode;

/** The LoginHistory query of one time window, keyed by (LoginTime, Id), and the mapping of its records. */
final class LoginEventMapper {

	static final List<String> FIELDS = List.of("UserId", "LoginTime", "Status", "LoginType", "Application");

	/**
	 * LoginHistory's field lengths from Salesforce's field reference (Application 64, LoginType 40); Status is not
	 * listed there, 128 is the column's width.
	 */
	static final FieldLimits LIMITS = new FieldLimits(
			Map.of("Id", 18, "UserId", 18, "Status", 128, "LoginType", 40, "Application", 64));

	private LoginEventMapper() {
	}

	/** Logins in {@code (from, to]}, paged by (LoginTime, Id) because bursts share one LoginTime second. */
	static KeyedQuery window(Instant from, Instant to, int limit) {
		String filter = "LoginTime > " + Soql.literal(from) + " AND LoginTime <= " + Soql.literal(to);
		return KeyedQuery.byTimeAndId("LoginHistory", FIELDS, "LoginTime", filter, limit);
	}

	/** A field that cannot be stored marks the event to be skipped, rather than failing the window every night. */
	static LoginEvent map(JsonNode record) {
		List<Unstorable> problems = new ArrayList<>();
		String id = LIMITS.text(record, "Id", problems::add);
		String userId = LIMITS.text(record, "UserId", problems::add);
		FieldLimits.require(userId, "UserId", problems::add);
		Instant loginTime = FieldLimits.time(record, "LoginTime", problems::add);
		if (loginTime == null && problems.isEmpty()) {
			problems.add(new Unstorable("LoginTime", "LoginTime is empty"));
		}
		return new LoginEvent((id != null) ? id : "", (userId != null) ? userId : "", loginTime,
				LIMITS.text(record, "Status", problems::add), LIMITS.text(record, "LoginType", problems::add),
				LIMITS.text(record, "Application", problems::add), List.copyOf(problems));
	}

}
