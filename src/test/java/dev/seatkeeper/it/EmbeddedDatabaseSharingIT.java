package dev.seatkeeper.it;

import static dev.seatkeeper.testsupport.Orgs.anOrg;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default embedded H2 database (no {@code SPRING_DATASOURCE_URL}, under {@code SEATKEEPER_HOME}) shared by several
 * processes of the packaged jar: while a run goes on, the read commands answer and a second run of the same profile
 * exits 5, as on MySQL — not exit 1 with H2's "file is locked".
 */
class EmbeddedDatabaseSharingIT {

	static final Duration LIMIT = Duration.ofMinutes(4);

	@TempDir
	Path work;

	@Test
	void whileARunGoesOnStatusReportCandidatesAndProfilesAnswerAndASecondRunExits5() throws Exception {
		try (Sandbox sandbox = slowOrg()) {
			Path profiles = JobProcess.writeProfile(this.work, "busy", sandbox, 2);
			Map<String, String> environment = Map.of(TestProfiles.SECRET_VARIABLE, sandbox.clientApp().clientSecret(),
					"SEATKEEPER_PROFILES_DIR", profiles.toString());
			JarCommand run = JarCommand.start(this.work, environment, "run", "--profile", "busy");
			awaitOutput(run, "connected to org");

			List<JarCommand> meanwhile = List.of(JarCommand.start(this.work, environment, "status"),
					JarCommand.start(this.work, environment, "report", "--profile", "busy"),
					JarCommand.start(this.work, environment, "candidates", "list"),
					JarCommand.start(this.work, environment, "profiles", "validate"),
					JarCommand.start(this.work, environment, "run", "--profile", "busy"));
			List<JarCommand.Result> results = meanwhile.stream().map(command -> {
				try {
					return command.await(LIMIT);
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			}).toList();
			// The run finishes on its own once the org answers at once; a SIGTERM here would test the stop, not sharing.
			sandbox.faults().latency(0);
			JarCommand.Result first = run.await(LIMIT);

			JarCommand.Result status = results.get(0);
			assertThat(status.exitCode()).as(status.toString()).isZero();
			assertThat(status.out()).containsPattern("busy\\s+\\S+\\s+STARTED");
			assertThat(results.get(1).exitCode()).as(results.get(1).toString()).isEqualTo(ExitCode.NOTHING_TO_REPORT.code());
			assertThat(results.get(2).exitCode()).as(results.get(2).toString()).isZero();
			assertThat(results.get(3).exitCode()).as(results.get(3).toString()).isZero();
			JarCommand.Result second = results.get(4);
			assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.ALREADY_RUNNING.code());
			assertThat(second.out()).contains("already running in");
			results.forEach(result -> assertThat(result.err() + result.out()).as(result.toString())
				.doesNotContain("locked")
				.doesNotContain("\tat "));
			assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.OK.code());
		}
	}

	/** Answers slowly (2 s a request), so the run still goes on while five other JVMs start and end on a busy machine. */
	private static Sandbox slowOrg() {
		Sandbox sandbox = anOrg()
			.users(1000)
			.seed(5)
			.loginDays(180)
			.build()
			.start();
		sandbox.faults().latency(2000);
		return sandbox;
	}

	private static void awaitOutput(JarCommand command, String text) throws InterruptedException {
		long deadline = System.nanoTime() + LIMIT.toNanos();
		while (!command.outputSoFar().contains(text)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("No '" + text + "' in time:\n" + command.outputSoFar());
			}
			Thread.sleep(100);
		}
	}

}
