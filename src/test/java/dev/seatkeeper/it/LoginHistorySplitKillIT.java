package dev.seatkeeper.it;

import static dev.seatkeeper.testsupport.Orgs.anOrg;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The packaged job killed (SIGKILL) in {@code pullActivity} after Salesforce has answered {@code QUERY_TIMEOUT} and
 * the job has split windows: the relaunch goes on from the splits kept in the step ExecutionContext, stores exactly
 * the org's logins, and no LoginHistory query is ever sent more than twice (once before the kill and once by the
 * relaunch at most, for the one query in flight). On H2 (file, mixed mode) and on the MySQL-compatible server.
 */
class LoginHistorySplitKillIT {

	/** Today: the job process runs on the wall clock. */
	static final LocalDate RUN_DATE = LocalDate.now(ZoneOffset.UTC);

	static final Duration LIMIT = Duration.ofMinutes(3);

	/**
	 * About 45,000 logins over 90 days, read in 30-day windows of ~15,000 by two cursors: with 3,000 rows allowed in a
	 * sorted range, each window is split at least twice before Salesforce answers. Small enough to load in time on H2.
	 */
	static final long SCAN_LIMIT_ROWS = 3_000;

	@TempDir
	Path work;

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void killedAfterWindowsWereSplitTheRelaunchReadsEveryLoginOnceAndRepeatsNoQuery(TestDatabase kind) throws Exception {
		try (Sandbox sandbox = anOrg()
			.users(3_000)
			.seed(17)
			.loginDays(90)
			.queryTimeoutRows(SCAN_LIMIT_ROWS)
			.build()
			.start(); ProcessOrg org = ProcessOrg.create(kind, this.work, "split", sandbox, "", RUN_DATE)) {
			sandbox.faults().latency(60);
			JdbcTemplate jdbc = org.jdbc();

			JobProcess first = org.launch();
			first.awaitOrFail(() -> !LoginHistoryTimeoutTests.loginHistoryQueries(sandbox, 400).isEmpty()
					&& committedLoginChunks(jdbc) >= 3, LIMIT);
			first.kill();
			int timeoutsBeforeKill = LoginHistoryTimeoutTests.loginHistoryQueries(sandbox, 400).size();
			int loginsAtKill = org.count("SELECT COUNT(*) FROM login_event");
			assertThat(timeoutsBeforeKill).as("windows split before the kill").isPositive();
			assertThat(loginsAtKill).as("killed mid-way through pullActivity").isPositive()
				.isLessThan((int) sandbox.facts().loginEvents());
			assertThat(first.output()).as("each split is logged").contains("reading it in two halves, split at");

			sandbox.faults().latency(0); // the relaunch only has to finish
			JobProcess relaunch = org.launch();
			assertThat(relaunch.awaitExit(LIMIT)).as(relaunch.output()).isEqualTo(ExitCode.OK.code());

			assertThat(relaunch.output()).contains("was left STARTED by a process that is gone; recovering it");
			GroundTruth.assertTablesMatch(jdbc, "split", sandbox);
			assertThat(LoginHistoryTimeoutTests.timesSent(sandbox)).as("no LoginHistory query sent more than twice")
				.allSatisfy((query, times) -> assertThat(times).as(query).isLessThanOrEqualTo(2));
			assertThat(jdbc.queryForList("SELECT status FROM v_runs ORDER BY execution_id", String.class))
				.containsExactly("FAILED", "COMPLETED");
		}
	}

	private static int committedLoginChunks(JdbcTemplate jdbc) {
		Integer commits = jdbc.queryForObject(
				"SELECT COALESCE(SUM(COMMIT_COUNT), 0) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'pullActivityWindow:%'",
				Integer.class);
		return (commits != null) ? commits : 0;
	}

}
