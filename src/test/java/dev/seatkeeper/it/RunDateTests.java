package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ProfileCatalog;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Run dates a real org may run: a new instance today or yesterday only (by the injected clock), an earlier date only
 * as the restart of its failed run, never a later date; the embedded sandbox org runs any date it is given.
 */
class RunDateTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

	@TempDir
	Path work;

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aNewRunIsTodaysOrYesterdaysOnly(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(50).loginDays(3).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			Profile acme = TestProfiles.of("acme", sandbox).build();

			RunResult tomorrow = app.run(acme, TODAY.plusDays(1));
			RunResult lastWeek = app.run(acme, TODAY.minusDays(7));
			RunResult farAway = app.run(acme, LocalDate.parse("+10000-01-01"));

			assertThat(tomorrow.exitCode()).isEqualTo(ExitCode.USAGE);
			assertThat(tomorrow.message()).startsWith("run date 2026-11-28 is after today (2026-11-27, UTC)");
			assertThat(lastWeek.exitCode()).isEqualTo(ExitCode.USAGE);
			assertThat(lastWeek.message()).startsWith("run date 2026-11-20 has no failed or stopped run to restart");
			assertThat(farAway.exitCode()).isEqualTo(ExitCode.USAGE);
			assertThat(farAway.message()).startsWith("run date +10000-01-01 is outside the dates the database can store");
			assertThat(app.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isZero();
			assertThat(sandbox.requests().entries()).as("nothing asked of Salesforce").isEmpty();

			assertThat(app.run(acme, TODAY.minusDays(1)).exitCode()).isEqualTo(ExitCode.OK);
			assertThat(app.run(acme, TODAY).exitCode()).isEqualTo(ExitCode.OK);
			assertThat(app.jdbc().queryForList("SELECT run_date FROM v_runs WHERE profile = 'acme' ORDER BY run_date",
					LocalDate.class)).containsExactly(TODAY.minusDays(1), TODAY);
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void anEarlierDateOnlyRestartsItsFailedRun(TestDatabase database) {
		Instant lastWeek = NOW.minus(Duration.ofDays(7));
		Sandbox sandbox = Sandbox.builder().users(20).loginDays(3).now(lastWeek).build().start();
		Profile acme = TestProfiles.of("acme", sandbox).build();
		Map<String, Object> properties = TestProfiles.properties(sandbox);
		sandbox.close();
		try (JobHarness then = JobHarness.start(database, Clock.fixed(lastWeek, ZoneOffset.UTC), properties)) {
			assertThat(then.run(acme, TODAY.minusDays(7)).exitCode()).as("the org cannot be reached").isEqualTo(ExitCode.FAILED);
			try (JobHarness now = then.restartOnSameDatabase(Clock.fixed(NOW, ZoneOffset.UTC), properties)) {
				RunResult restart = now.run(acme, TODAY.minusDays(7));

				assertThat(restart.exitCode()).as(restart.message()).isEqualTo(ExitCode.FAILED);
				assertThat(now.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("the restart ran").isEqualTo(2);
				assertThat(now.run(acme, TODAY.minusDays(6)).exitCode()).isEqualTo(ExitCode.USAGE);
			}
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void theEmbeddedSandboxOrgRunsAnyDate(TestDatabase database) throws IOException {
		Files.writeString(this.work.resolve("demo.yaml"),
				"name: night\nstatus: published\nsalesforce: {sandbox: {users: 20, loginDays: 3}}\n");
		Profile night = ProfileCatalog.load(this.work, variable -> null).requireValid().require("night");
		try (JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), Map.of())) {
			assertThat(app.run(night, TODAY.plusDays(30)).exitCode()).isEqualTo(ExitCode.OK);
			assertThat(app.run(night, TODAY.minusDays(30)).exitCode()).isEqualTo(ExitCode.OK);
		}
	}

}
