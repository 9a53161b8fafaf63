package dev.seatkeeper.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox org in a JVM of its own ({@code seatkeeper.jar sandbox}), so the job's memory is measured alone, and
 * its admin endpoints: ground truth, the request log, and logins recorded for the second night.
 */
final class SandboxProcess implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private SandboxProcess(Process process, String baseUrl) {
		this.process = process;
		this.baseUrl = baseUrl;
	}

	static SandboxProcess start(Path java, Path jar, Scenario scenario, long seed, Path workDir)
			throws IOException, InterruptedException {
		Path out = workDir.resolve("sandbox.log");
		List<String> command = List.of(java.toString(), "-Xmx6g", "-jar", jar.toString(), "sandbox", "--users",
				String.valueOf(scenario.users()), "--port", "0", "--seed", String.valueOf(seed), "--login-days",
				String.valueOf(scenario.loginDays()), "--latency-ms", String.valueOf(scenario.latencyMs()),
				"--api-limit", "0");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
		while (Instant.now().isBefore(deadline)) {
			for (String line : Files.readAllLines(out)) {
				if (line.startsWith("Base URL:")) {
					return new SandboxProcess(process, line.substring("Base URL:".length()).trim());
				}
			}
			if (!process.isAlive()) {
				throw new IllegalStateException("the sandbox exited with " + process.exitValue() + ": "
						+ Files.readString(out));
			}
			Thread.sleep(200);
		}
		process.destroyForcibly();
		throw new IllegalStateException("the sandbox did not start within 15 minutes");
	}

	String baseUrl() {
		return this.baseUrl;
	}

	JsonNode facts() {
		return get("/__sandbox/facts");
	}

	/** Salesforce API calls answered since the log was last cleared (the token endpoint is not one). */
	Duration cpu() {
		return CpuTime.of(this.process.toHandle());
	}

	long apiCalls() {
		long calls = 0;
		for (JsonNode entry : get("/__sandbox/requests")) {
			calls += entry.path("pathAndQuery").asString().startsWith("/services/data") ? 1 : 0;
		}
		return calls;
	}

	/** Response body bytes the sandbox sent since the log was last cleared, as they went on the wire. */
	long responseBytes() {
		return get("/__sandbox/traffic").path("responseBytes").asLong();
	}

	/** When the sandbox received the first request (token or API) since the log was last cleared; null if none. */
	Instant firstRequestAt() {
		Instant first = null;
		for (JsonNode entry : get("/__sandbox/requests")) {
			Instant time = Instant.parse(entry.path("time").asString());
			first = (first == null || time.isBefore(first)) ? time : first;
		}
		return first;
	}

	void clearRequests() {
		send(HttpRequest.newBuilder(uri("/__sandbox/requests")).DELETE().build());
	}

	void recordLogin(String userId, Instant time) {
		String body = "{\"userId\":\"" + userId + "\",\"time\":\"" + time + "\",\"success\":true}";
		send(HttpRequest.newBuilder(uri("/__sandbox/logins"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private JsonNode get(String path) {
		return JSON.readTree(send(HttpRequest.newBuilder(uri(path)).GET().build()));
	}

	private String send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
						+ response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	/** Stops the sandbox; an interrupt while waiting kills it at once and is kept for the caller to see. */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
