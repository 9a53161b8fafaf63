package dev.seatkeeper.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Node project in {@code src/test/js/jsforce-compat}: finds {@code node} and {@code npm}, installs the locked
 * dependencies with {@code npm ci} when {@code node_modules} does not hold the pinned jsforce, and runs
 * {@code compat.mjs}. Without Node.js the calling test is skipped with the reason, unless
 * {@code SEATKEEPER_REQUIRE_NODE=true} (set by CI) turns that into a failure.
 */
final class JsforceProject {

	static final Path DIRECTORY = Path.of("src", "test", "js", "jsforce-compat");

	private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

	private JsforceProject() {
	}

	/** The project with its dependencies installed, or the test skipped (or failed, in CI) saying why not. */
	static JsforceProject installed() throws IOException, InterruptedException {
		if (!onPath("node") || !onPath("npm")) {
			unavailable("node and npm are not both on the PATH, so jsforce was not run against the sandbox");
		}
		if (!pinnedJsforceInstalled()) {
			Result install = exec(INSTALL_TIMEOUT, "npm", "ci", "--no-audit", "--no-fund");
			if (install.exitCode() != 0 || !pinnedJsforceInstalled()) {
				unavailable("npm ci in " + DIRECTORY + " failed (exit " + install.exitCode() + "):\n" + install.output());
			}
		}
		return new JsforceProject();
	}

	/** Runs {@code compat.mjs} and returns the JSON line it prints; fails the test if the script fails. */
	JsonNode run(String baseUrl, String clientId, String clientSecret, String userId)
			throws IOException, InterruptedException {
		Result result = exec(RUN_TIMEOUT, "node", "compat.mjs", baseUrl, clientId, clientSecret, userId);
		if (result.exitCode() != 0) {
			throw new AssertionError("node compat.mjs exited " + result.exitCode() + ":\n" + result.output());
		}
		List<String> lines = result.output().lines().filter((line) -> line.startsWith("{")).toList();
		if (lines.size() != 1) {
			throw new AssertionError("expected one JSON line from compat.mjs, got:\n" + result.output());
		}
		return JsonMapper.shared().readTree(lines.get(0));
	}

	private static boolean pinnedJsforceInstalled() throws IOException {
		Path installed = DIRECTORY.resolve("node_modules/jsforce/package.json");
		if (!Files.isRegularFile(installed)) {
			return false;
		}
		return pinnedVersion().equals(JsonMapper.shared().readTree(installed.toFile()).path("version").asString());
	}

	/** The exact jsforce version {@code package.json} asks for. */
	static String pinnedVersion() {
		return JsonMapper.shared().readTree(DIRECTORY.resolve("package.json").toFile()).path("dependencies").path("jsforce")
			.asString();
	}

	private static void unavailable(String reason) {
		if (Boolean.parseBoolean(System.getenv("SEATKEEPER_REQUIRE_NODE"))) {
			throw new IllegalStateException(reason + " (SEATKEEPER_REQUIRE_NODE=true forbids skipping)");
		}
		Assumptions.abort(reason);
	}

	private static Result exec(Duration timeout, String... command) throws IOException, InterruptedException {
		Path output = Files.createTempFile("jsforce-compat", ".log");
		try {
			Process process = new ProcessBuilder(command).directory(DIRECTORY.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
				throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n"
						+ Files.readString(output, StandardCharsets.UTF_8));
			}
			return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	static boolean onPath(String command) {
		String path = System.getenv("PATH");
		return path != null && List.of(path.split(File.pathSeparator)).stream()
			.anyMatch((directory) -> Files.isExecutable(Path.of(directory, command)));
	}

	private record Result(int exitCode, String output) {
	}

}
