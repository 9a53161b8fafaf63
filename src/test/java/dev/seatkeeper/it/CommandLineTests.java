package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.cli.SeatkeeperCommandLine;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import picocli.CommandLine;

/** {@code run --all}, {@code run} with invalid profiles, and {@code status}, as an operator types them. */
@ExtendWith(OutputCaptureExtension.class)
class CommandLineTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	@TempDir
	Path work;

	@Test
	void runAllRunsEveryPublishedProfileOneFailingDoesNotStopTheOthersAndTheExitIsTheWorst(CapturedOutput output)
			throws IOException {
		try (Sandbox sandbox = Sandbox.builder().users(150).loginDays(5).now(NOW).build().start();
				JobHarness app = JobHarness.start(TestDatabase.H2, Clock.fixed(NOW, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
			Path profiles = JobProcess.writeProfile(this.work, "alpha", sandbox, 2);
			JobProcess.writeProfile(this.work, "omega", sandbox, 2);
			Files.writeString(profiles.resolve("broken-org.yaml"), """
					name: broken-org
					status: published
					salesforce:
					  loginUrl: http://127.0.0.1:9
					  allowLoopback: true
					  auth: {flow: client-credentials, clientId: x, clientSecret: "${%s}"}
					""".formatted(TestProfiles.SECRET_VARIABLE));
			Files.writeString(profiles.resolve("sketch.yaml"), "name: sketch\nstatus: draft\nsalesforce: {sandbox: {users: 10}}\n");

			int exit = execute(app, "run", "--all", "--run-date", "2026-11-27", "--profiles-dir", profiles.toString());

			assertThat(exit).isEqualTo(ExitCode.FAILED.code());
			assertThat(output).containsPattern("alpha\\s+2026-11-27 COMPLETED")
				.containsPattern("omega\\s+2026-11-27 COMPLETED")
				.containsPattern("broken-org\\s+2026-11-27 FAILED")
				.doesNotContain("sketch ");
			assertThat(app.count("SELECT COUNT(*) FROM sf_user WHERE profile = 'omega'")).isEqualTo(150);

			assertThat(execute(app, "status")).isZero();
			assertThat(output).containsPattern("broken-org\\s+2026-11-27 FAILED")
				.containsPattern("alpha\\s+2026-11-27 COMPLETED");
		}
	}

	@Test
	void invalidProfilesRunNothingAndExitWithInvalidConfiguration(CapturedOutput output) throws IOException {
		try (JobHarness app = JobHarness.start(TestDatabase.H2, Clock.fixed(NOW, ZoneOffset.UTC), java.util.Map.of())) {
			Files.writeString(this.work.resolve("bad.yaml"), "name: bad\nstatus: published\n");

			int exit = execute(app, "run", "--profile", "bad", "--profiles-dir", this.work.toString());

			assertThat(exit).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
			assertThat(output).contains("bad.yaml: salesforce: is required").contains("Nothing was run.");
			assertThat(app.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isZero();
			assertThat(execute(app, "run", "--profile", "nobody", "--profiles-dir", "jobs/profiles"))
				.isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
			assertThat(output).contains("no profile named 'nobody'");
		}
	}

	@Test
	void aBadRunDateIsAUsageError() {
		try (JobHarness app = JobHarness.start(TestDatabase.H2, Clock.fixed(NOW, ZoneOffset.UTC), java.util.Map.of())) {
			assertThat(execute(app, "run", "--profile", "demo", "--run-date", "27/11/2026")).isEqualTo(ExitCode.USAGE.code());
			assertThat(app.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isZero();
		}
	}

	@Test
	void aRunDateTheDatabaseCannotStoreIsAUsageErrorWithASentence(CapturedOutput output) {
		try (JobHarness app = JobHarness.start(TestDatabase.H2, Clock.fixed(NOW, ZoneOffset.UTC), java.util.Map.of())) {
			assertThat(execute(app, "run", "--profile", "demo", "--run-date", "+10000-01-01", "--profiles-dir",
					"jobs/profiles")).isEqualTo(ExitCode.USAGE.code());
			assertThat(output).contains("run date +10000-01-01 is outside the dates the database can store")
				.doesNotContain("Exception");
			assertThat(app.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isZero();
		}
	}

	private static int execute(JobHarness app, String... arguments) {
		return SeatkeeperCommandLine.create(app.bean(CommandLine.IFactory.class)).execute(arguments);
	}

}
