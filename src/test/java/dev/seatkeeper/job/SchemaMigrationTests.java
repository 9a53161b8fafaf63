package dev.seatkeeper.job;

import static dev.seatkeeper.testsupport.TableAssert.assertThatTable;

import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

class SchemaMigrationTests {

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void flywayCreatesTheBatchTablesOurTablesAndTheOperatorViews(TestDatabase database) {
		JdbcTemplate jdbc = new JdbcTemplate(database.fresh());
		for (String table : new String[] { "BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION", "BATCH_STEP_EXECUTION",
				"profile_state", "software_model", "sf_user", "subscription", "login_event", "user_activity",
				"consumption", "v_runs", "v_current_subscriptions" }) {
			assertThatTable(jdbc, table).isEmpty();
		}
	}

}
