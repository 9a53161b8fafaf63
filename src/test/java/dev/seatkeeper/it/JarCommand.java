package dev.seatkeeper.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One command of the packaged jar as an operator types it, with stdout and stderr kept apart: a test asserts what
 * each shows, the exit code and how long the command took. The environment is the test's own choice only
 * (no inherited database or key settings), with {@code SEATKEEPER_HOME} under the test's directory.
 */
final class JarCommand {

	private final Process process;

	private final Path out;

	private final Path err;

	private final long startedNanos = System.nanoTime();

	private JarCommand(Process process, Path out, Path err) {
		this.process = process;
		this.out = out;
		this.err = err;
	}

	static JarCommand start(Path work, Map<String, String> environment, String... arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-jar", JobProcess.JAR.toAbsolutePath().toString()));
		command.addAll(List.of(arguments));
		Path out = Files.createTempFile(work, "out-", ".txt");
		Path err = Files.createTempFile(work, "err-", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
		builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("SEATKEEPER_"));
		builder.environment().put("SEATKEEPER_HOME", work.resolve("home").toString());
		builder.environment().putAll(environment);
		return new JarCommand(builder.start(), out, err);
	}

	/** Runs the command to its end. */
	static Result run(Path work, Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
		return start(work, environment, arguments).await(Duration.ofMinutes(3));
	}

	Result await(Duration limit) throws InterruptedException {
		if (!this.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly();
			throw new AssertionError("The command did not end within " + limit + ":\n" + read(this.out) + read(this.err));
		}
		return new Result(this.process.exitValue(), read(this.out), read(this.err),
				Duration.ofNanos(System.nanoTime() - this.startedNanos));
	}

	/** SIGTERM, as Kubernetes stops a pod. */
	void terminate() {
		this.process.destroy();
	}

	String outputSoFar() {
		return read(this.out) + read(this.err);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

	record Result(int exitCode, String out, String err, Duration took) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + " after " + this.took.toMillis() + " ms\n--- stdout\n" + this.out
					+ "--- stderr\n" + this.err;
		}

	}

}
