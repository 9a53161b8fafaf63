package dev.seatkeeper.it;

import static dev.seatkeeper.testsupport.Orgs.anOrg;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The packaged job as its own process: killed mid-run, stopped with SIGTERM, launched twice at once. Each relaunch
 * must end with exactly the org's data. On H2 (file, mixed mode) and on the MySQL-compatible server.
 */
class NightlyJobProcessIT {

	/** Today: the job process runs on the wall clock, and a real-org profile starts new runs only today or yesterday. */
	static final LocalDate RUN_DATE = LocalDate.now(ZoneOffset.UTC);

	static final Duration LIMIT = Duration.ofMinutes(3);

	@TempDir
	Path work;

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void killedDuringPullActivityTheRelaunchCompletesWithNothingMissingOrTwice(TestDatabase kind) throws Exception {
		try (Sandbox sandbox = slowOrg();
				ProcessOrg org = ProcessOrg.create(kind, this.work, "crash", sandbox, "", RUN_DATE)) {
			JdbcTemplate jdbc = org.jdbc();

			JobProcess first = org.launch();
			first.awaitOrFail(() -> committedLoginChunks(jdbc) >= 2, LIMIT);
			first.kill();
			int loginsAtKill = org.count("SELECT COUNT(*) FROM login_event");
			assertThat(loginsAtKill).as("killed mid-way").isPositive().isLessThan((int) sandbox.facts().loginEvents());
			// On the server an empty login table is loaded without its user index; the run that completes builds it.
			assertThat(userIndexExists(kind, jdbc)).isEqualTo(kind == TestDatabase.H2);

			sandbox.faults().latency(0); // the relaunch only has to finish
			JobProcess relaunch = org.launch();
			assertThat(relaunch.awaitExit(LIMIT)).as(relaunch.output()).isEqualTo(ExitCode.OK.code());

			assertThat(relaunch.output()).contains("was left STARTED by a process that is gone; recovering it");
			GroundTruth.assertTablesMatch(jdbc, "crash", sandbox);
			assertThat(jdbc.queryForList("SELECT status FROM v_runs ORDER BY execution_id", String.class))
				.containsExactly("FAILED", "COMPLETED");
			assertThat(userIndexExists(kind, jdbc)).isTrue();
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void sigtermStopsAtAChunkBoundaryAndTheRelaunchResumes(TestDatabase kind) throws Exception {
		try (Sandbox sandbox = slowOrg();
				ProcessOrg org = ProcessOrg.create(kind, this.work, "term", sandbox, "", RUN_DATE)) {
			JdbcTemplate jdbc = org.jdbc();

			JobProcess first = org.launch();
			first.awaitOrFail(() -> committedLoginChunks(jdbc) >= 1, LIMIT);
			first.terminate();

			assertThat(first.awaitExit(LIMIT)).as(first.output()).isEqualTo(ExitCode.STOPPED.code());
			assertThat(jdbc.queryForList("SELECT status FROM v_runs", String.class)).containsExactly("STOPPED");
			sandbox.faults().latency(0); // the relaunch only has to finish
			JobProcess relaunch = org.launch();
			assertThat(relaunch.awaitExit(LIMIT)).as(relaunch.output()).isEqualTo(ExitCode.OK.code());
			GroundTruth.assertTablesMatch(jdbc, "term", sandbox);
		}
	}

	/** The stop of a step that is not partitioned, while its reader has a page request in flight. */
	@Test
	void sigtermWhileAUserPageIsInFlightStopsTheRunAndTheRelaunchResumes() throws Exception {
		try (Sandbox sandbox = slowOrg();
				ProcessOrg org = ProcessOrg.create(TestDatabase.H2, this.work, "inflight", sandbox, "", RUN_DATE)) {
			sandbox.faults().latency(1000);

			JobProcess first = org.launch();
			first.awaitOrFail(() -> sandbox.requests().entries().stream()
				.anyMatch((entry) -> URLDecoder.decode(entry.pathAndQuery(), StandardCharsets.UTF_8).contains(" FROM User ")),
					LIMIT);
			Thread.sleep(300);
			first.terminate();

			assertThat(first.awaitExit(LIMIT)).as(first.output()).isEqualTo(ExitCode.STOPPED.code());
			assertThat(org.jdbc().queryForList("SELECT status FROM v_runs", String.class)).containsExactly("STOPPED");
			sandbox.faults().latency(0);
			JobProcess relaunch = org.launch();
			assertThat(relaunch.awaitExit(LIMIT)).as(relaunch.output()).isEqualTo(ExitCode.OK.code());
			GroundTruth.assertTablesMatch(org.jdbc(), "inflight", sandbox);
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void twoLaunchesAtOnceOneRunsTheOtherSaysAlreadyRunning(TestDatabase kind) throws Exception {
		try (Sandbox sandbox = slowOrg();
				ProcessOrg org = ProcessOrg.create(kind, this.work, "twin", sandbox, "", RUN_DATE)) {

			JobProcess one = org.launch();
			JobProcess two = org.launch();
			// Once one of them has given up, the other only has to finish.
			one.awaitOrFail(() -> !one.isAlive() || !two.isAlive(), LIMIT);
			sandbox.faults().latency(0);
			List<Integer> exits = List.of(one.awaitExit(LIMIT), two.awaitExit(LIMIT));

			assertThat(exits).as(one.output() + "\n----\n" + two.output())
				.containsExactlyInAnyOrder(ExitCode.OK.code(), ExitCode.ALREADY_RUNNING.code());
			assertThat(one.output() + two.output()).contains("already running in");
			GroundTruth.assertTablesMatch(org.jdbc(), "twin", sandbox);
		}
	}

	/** Enough login history (small pages, served slowly) that a run is still pulling activity when the test acts. */
	private static Sandbox slowOrg() {
		Sandbox sandbox = anOrg()
			.users(600)
			.seed(3)
			.loginDays(90)
			.build()
			.start();
		sandbox.faults().latency(100);
		return sandbox;
	}

	private static boolean userIndexExists(TestDatabase kind, JdbcTemplate jdbc) {
		String listing = (kind == TestDatabase.H2) ? "information_schema.indexes WHERE"
				: "information_schema.statistics WHERE table_schema = DATABASE() AND";
		Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM " + listing
				+ " LOWER(index_name) = 'ix_login_event_user_status_time'", Integer.class);
		return found != null && found > 0;
	}

	private static int committedLoginChunks(JdbcTemplate jdbc) {
		Integer commits = jdbc.queryForObject(
				"SELECT COALESCE(SUM(COMMIT_COUNT), 0) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'pullActivityWindow:%'",
				Integer.class);
		return (commits != null) ? commits : 0;
	}

}
