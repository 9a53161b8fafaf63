package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import dev.seatkeeper.sandbox.Sandbox;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compares a stored position with the used counts Salesforce reports (the sandbox's facts): every model the org
 * counts seats of has {@code assigned} equal to Salesforce's figure, carries that figure, and shows no drift.
 */
final class SeatCounts {

	private SeatCounts() {
	}

	static void assertAssignedIsSalesforces(JdbcTemplate jdbc, String profile, LocalDate runDate, Sandbox sandbox) {
		Map<String, Integer> used = sandbox.facts().usedByModel();
		assertThat(used).isNotEmpty();
		used.forEach((model, count) -> assertThat(assigned(jdbc, profile, runDate, model)).as("assigned " + model)
			.isEqualTo(count));
		used.forEach((model, count) -> {
			Map<String, Object> row = jdbc.queryForMap(
					"SELECT salesforce_used, drift FROM license_position WHERE profile = ? AND run_date = ? AND model = ?",
					profile, runDate, model);
			assertThat(((Number) row.get("salesforce_used")).intValue()).as("Salesforce's used count of " + model)
				.isEqualTo(count);
			assertThat(((Number) row.get("drift")).intValue()).as("drift of " + model).isZero();
		});
	}

	static int assigned(JdbcTemplate jdbc, String profile, LocalDate runDate, String model) {
		Integer assigned = jdbc.queryForObject(
				"SELECT assigned FROM license_position WHERE profile = ? AND run_date = ? AND model = ?", Integer.class,
				profile, runDate, model);
		return (assigned != null) ? assigned : -1;
	}

}
