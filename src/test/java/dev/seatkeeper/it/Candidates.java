package dev.seatkeeper.it;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.seatkeeper.sandbox.Sandbox;

/** Reads a test's candidates and the sandbox's write calls the way the reclamation job tests assert on them. */
final class Candidates {

	private Candidates() {
	}

	static Set<String> usersIn(JobHarness app, String profile, String state) {
		return new TreeSet<>(app.jdbc()
			.queryForList("SELECT user_id FROM reclamation_candidate WHERE profile = ? AND state = ?", String.class,
					profile, state));
	}

	/** Column {@code column} of the profile's candidates, skipped ones aside, by "user model". */
	static Map<String, String> column(JobHarness app, String profile, String column) {
		Map<String, String> values = new TreeMap<>();
		app.jdbc()
			.query("SELECT user_id, model, " + column + " FROM reclamation_candidate WHERE profile = ?"
					+ " AND state <> 'SKIPPED'", row -> {
				values.put(row.getString("user_id") + " " + row.getString("model"), row.getString(column));
			}, profile);
		return values;
	}

	/** The state and reason of the user's candidate for the model. */
	static String stateOf(JobHarness app, String profile, String userId, String model) {
		return app.jdbc()
			.queryForObject("SELECT CONCAT(state, ': ', COALESCE(reason, '-')) FROM reclamation_candidate"
					+ " WHERE profile = ? AND user_id = ? AND model = ?", String.class, profile, userId, model);
	}

	/** Write calls to Salesforce: composite and sobject requests other than GET. */
	static List<String> writeCalls(Sandbox sandbox) {
		return sandbox.requests()
			.entries()
			.stream()
			.filter(entry -> !"GET".equals(entry.method()) && (entry.pathAndQuery().contains("/composite")
					|| entry.pathAndQuery().contains("/sobjects")))
			.map(entry -> entry.method() + " " + entry.pathAndQuery())
			.toList();
	}

}
