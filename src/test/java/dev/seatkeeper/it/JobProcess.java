package dev.seatkeeper.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.seatkeeper.sandbox.Sandbox;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code java -jar target/seatkeeper.jar run ...} as its own process, the way a CronJob runs it, against a test's
 * sandbox and database: so a test can kill it, send it SIGTERM, or start two at once.
 */
final class JobProcess {

	static final Path JAR = Path.of("target", "seatkeeper.jar");

	private final Process process;

	private final Path output;

	private JobProcess(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	/** Writes a published profile that reaches the sandbox as a real org, with credentials from the environment. */
	static Path writeProfile(Path directory, String name, Sandbox sandbox, int concurrentCursors) throws IOException {
		return writeProfile(directory, name, sandbox, concurrentCursors, "");
	}

	/** As {@link #writeProfile(Path, String, Sandbox, int)}, followed by more top-level YAML (a reclamation section). */
	static Path writeProfile(Path directory, String name, Sandbox sandbox, int concurrentCursors, String moreYaml)
			throws IOException {
		Path profiles = Files.createDirectories(directory.resolve("profiles"));
		Files.writeString(profiles.resolve(name + ".yaml"), """
				name: %s
				status: published
				salesforce:
				  loginUrl: %s
				  allowLoopback: true
				  batchSize: 200
				  auth:
				    flow: client-credentials
				    clientId: %s
				    clientSecret: ${%s}
				activity:
				  backfillDays: 180
				  windowDays: 30
				  concurrentCursors: %d
				""".formatted(name, sandbox.baseUrl(), sandbox.clientApp().clientId(), TestProfiles.SECRET_VARIABLE,
				concurrentCursors) + moreYaml);
		return profiles;
	}

	static JobProcess run(Path profiles, String profile, LocalDate runDate, DriverManagerDataSource database,
			Sandbox sandbox, Path workDirectory) throws IOException {
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-jar", JAR.toAbsolutePath().toString(),
				"run", "--profile", profile, "--run-date", runDate.toString(), "--profiles-dir", profiles.toString()));
		Path output = Files.createTempFile(workDirectory, "job-", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().put("SPRING_DATASOURCE_URL", database.getUrl());
		builder.environment().put("SPRING_DATASOURCE_USERNAME", database.getUsername());
		builder.environment().put("SPRING_DATASOURCE_PASSWORD", database.getPassword());
		builder.environment().put("SEATKEEPER_HOME", workDirectory.toString());
		builder.environment().put("SEATKEEPER_JOB_STOP_GRACE", "20s");
		builder.environment().put(TestProfiles.SECRET_VARIABLE, sandbox.clientApp().clientSecret());
		return new JobProcess(builder.start(), output);
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	int awaitExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly();
			throw new IllegalStateException("The job did not end within " + timeout + "; output:\n" + output());
		}
		return this.process.exitValue();
	}

	/** SIGKILL: no shutdown hook, no chance to clean up, as when a node dies. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	/** SIGTERM, as Kubernetes sends when it stops a pod. */
	void terminate() {
		this.process.destroy();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** Waits until the condition holds; fails with the job's output if the job ends or {@code limit} passes first. */
	void awaitOrFail(BooleanSupplier condition, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			if (!isAlive() || System.nanoTime() > deadline) {
				throw new AssertionError("The run ended or stalled before the moment the test waits for:\n" + output());
			}
			Thread.sleep(50);
		}
	}

	String output() {
		try {
			return Files.readString(this.output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(output unreadable: " + ex.getMessage() + ")";
		}
	}

}
