package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.job.RunEnding;
import dev.seatkeeper.launch.NightlyJobRunner;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.Profiles;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.fault.Faults;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * A failed run restarted through {@code JobOperator} alone, in a new application that never launched it: the steps'
 * run context is built again from the job repository (parameters, as-of) and the profile file, so nothing of the
 * launching process is needed. The profile is read from a real profiles directory, not from the harness.
 */
class JobOperatorRestartTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	@TempDir
	Path work;

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aFailedRunCompletesWhenJobOperatorRestartsItInANewApplication(TestDatabase database) throws IOException {
		try (Sandbox sandbox = sandbox()) {
			Map<String, Object> properties = properties(sandbox);
			JobHarness first = JobHarness.start(database, CLOCK, properties);
			long failed = failedRun(first, sandbox);

			try (JobHarness second = first.restartOnSameDatabase(CLOCK, properties)) {
				JobExecution restarted = restart(second, failed);

				assertThat(restarted.getStatus()).as(RunEnding.message(restarted)).isEqualTo(BatchStatus.COMPLETED);
				GroundTruth.assertTablesMatch(second.jdbc(), "acme", sandbox);
			}
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aRestartWhoseProfileIsGoneFailsAsInvalidConfigurationNamingIt(TestDatabase database) throws IOException {
		try (Sandbox sandbox = sandbox()) {
			Map<String, Object> properties = properties(sandbox);
			JobHarness first = JobHarness.start(database, CLOCK, properties);
			long failed = failedRun(first, sandbox);
			Path file = this.work.resolve("profiles/acme.yaml");
			Path aside = Files.move(file, this.work.resolve("acme.yaml.aside"));

			try (JobHarness second = first.restartOnSameDatabase(CLOCK, properties)) {
				int users = second.count("SELECT COUNT(*) FROM sf_user");
				JobExecution refused = restart(second, failed);

				assertThat(RunEnding.exitCode(refused)).isEqualTo(ExitCode.INVALID_CONFIGURATION);
				assertThat(RunEnding.message(refused)).startsWith("connect: Profile 'acme' cannot be run: no profile named")
					.contains("Fix the profile file")
					.doesNotContain("\n");
				assertThat(second.count("SELECT COUNT(*) FROM sf_user")).as("nothing written").isEqualTo(users);

				Files.move(aside, file);
				JobExecution restarted = restart(second, refused.getId());

				assertThat(restarted.getStatus()).as(RunEnding.message(restarted)).isEqualTo(BatchStatus.COMPLETED);
				GroundTruth.assertTablesMatch(second.jdbc(), "acme", sandbox);
			}
		}
	}

	/** The first night, launched as {@code run} launches it, fails on a malformed page; the application then ends. */
	private long failedRun(JobHarness first, Sandbox sandbox) {
		try (first) {
			Profile profile = first.bean(Profiles.class).load(null).requireRunnable("acme");
			// Some way into the downloads, a page comes back as broken JSON: the step fails, no retry helps.
			sandbox.faults().afterCalls(15, Faults::malformedNextQueryPage);

			RunResult result = first.bean(NightlyJobRunner.class).run(profile, RUN_DATE);

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.FAILED);
			return result.executionId();
		}
	}

	private static JobExecution restart(JobHarness app, long executionId) {
		JobExecution execution = app.bean(JobRepository.class).getJobExecution(executionId);
		try {
			return app.bean(JobOperator.class).restart(execution);
		}
		catch (Exception ex) {
			throw new AssertionError("JobOperator refused the restart of execution " + executionId, ex);
		}
	}

	private Map<String, Object> properties(Sandbox sandbox) throws IOException {
		Path profiles = JobProcess.writeProfile(this.work, "acme", sandbox, 4, "");
		Map<String, Object> properties = new HashMap<>(TestProfiles.properties(sandbox));
		properties.put("seatkeeper.profiles.dir", profiles.toString());
		return properties;
	}

	private static Sandbox sandbox() {
		return Sandbox.builder().users(400).seed(11).loginDays(30).now(NOW).build().start();
	}

}
