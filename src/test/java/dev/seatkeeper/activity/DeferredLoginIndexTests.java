package dev.seatkeeper.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The login table's user index around pullActivity on the server: dropped before a backfill into an empty table,
 * built once the step completes, kept when the table holds rows, and still built by the run that completes after a
 * stopped or killed one. H2 keeps it throughout.
 */
class DeferredLoginIndexTests {

	@Test
	void anEmptyTableIsLoadedWithoutTheIndexWhichTheCompletedStepBuilds() throws SQLException {
		DataSource server = TestDatabase.SERVER.fresh();
		DeferredLoginIndex deferral = new DeferredLoginIndex(server);

		deferral.beforeStep(pullActivity(BatchStatus.STARTED));
		assertThat(exists(server)).as("dropped for the backfill").isFalse();
		insertLogin(server, "0Ya000000000001");

		deferral.afterStep(pullActivity(BatchStatus.STOPPED));
		assertThat(exists(server)).as("a stopped step leaves the build to the run that completes").isFalse();

		deferral.beforeStep(pullActivity(BatchStatus.STARTED));
		deferral.afterStep(pullActivity(BatchStatus.COMPLETED));
		assertThat(exists(server)).as("built once the backfill completed").isTrue();
		assertThat(new JdbcTemplate(server).queryForObject(
				"SELECT COUNT(*) FROM login_event WHERE profile = 'acme' AND user_id = '005a00000000001'", Integer.class))
			.isOne();
	}

	@Test
	void aTableThatHoldsLoginsKeepsItsIndex() throws SQLException {
		DataSource server = TestDatabase.SERVER.fresh();
		insertLogin(server, "0Ya000000000001");
		DeferredLoginIndex deferral = new DeferredLoginIndex(server);

		deferral.beforeStep(pullActivity(BatchStatus.STARTED));
		assertThat(exists(server)).isTrue();
		deferral.afterStep(pullActivity(BatchStatus.COMPLETED));
		assertThat(exists(server)).isTrue();
	}

	@Test
	void h2KeepsItsIndex() {
		DataSource h2 = TestDatabase.H2.fresh();
		DeferredLoginIndex deferral = new DeferredLoginIndex(h2);

		deferral.beforeStep(pullActivity(BatchStatus.STARTED));

		assertThat(new JdbcTemplate(h2).queryForObject("SELECT COUNT(*) FROM information_schema.indexes"
				+ " WHERE LOWER(index_name) = '" + DeferredLoginIndex.INDEX + "'", Integer.class)).isPositive();
	}

	private static StepExecution pullActivity(BatchStatus status) {
		StepExecution execution = MetaDataInstanceFactory.createStepExecution("pullActivity", 1L);
		execution.setStatus(status);
		return execution;
	}

	private static boolean exists(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return DeferredLoginIndex.exists(connection);
		}
	}

	private static void insertLogin(DataSource dataSource, String id) {
		new JdbcTemplate(dataSource).update("INSERT INTO login_event (profile, event_id, user_id, login_time, status)"
				+ " VALUES ('acme', ?, '005a00000000001', CURRENT_TIMESTAMP, 'Success')", id);
	}

}
