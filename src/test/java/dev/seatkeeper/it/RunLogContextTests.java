package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** With the {@code json-logs} profile every line a run logs is an ECS JSON object carrying the run's context. */
@ExtendWith(OutputCaptureExtension.class)
class RunLogContextTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	@Test
	void everyLineOfARunCarriesProfileRunDateExecutionAndStep(CapturedOutput output) {
		RunResult result;
		try (Sandbox sandbox = Sandbox.builder().users(150).seed(11).loginDays(40).now(NOW).build().start();
				JobHarness app = start(sandbox)) {
			result = app.run(TestProfiles.of("acme", sandbox).activity(60, 10, 3).build(), RUN_DATE);
			assertThat(MDC.getCopyOfContextMap()).as("the launching thread's MDC after the run").isNullOrEmpty();
		}

		assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
		List<JsonNode> lines = runLines(output);
		assertThat(lines).extracting((line) -> line.path("log").path("logger").asString())
			.contains("dev.seatkeeper.job.ConnectTasklet", "dev.seatkeeper.license.LicenseDownload",
					"dev.seatkeeper.job.ProgressLog");
		for (JsonNode line : lines) {
			assertThat(line.path("profile").asString()).as(line.toString()).isEqualTo("acme");
			assertThat(line.path("runDate").asString()).as(line.toString()).isEqualTo("2026-11-27");
			assertThat(line.path("jobExecutionId").asString()).as(line.toString()).isEqualTo(String.valueOf(result.executionId()));
			assertThat(line.path("step").asString()).as(line.toString()).isNotEmpty();
		}
		assertThat(stepOf(lines, "dev.seatkeeper.job.ConnectTasklet")).containsOnly("connect");
		assertThat(stepOf(lines, "dev.seatkeeper.license.LicenseDownload")).containsOnly("downloadLicenses");
		assertThat(lines).filteredOn((line) -> line.path("step").asString().startsWith("pullActivityWindow:"))
			.as("partition workers log from their own threads with their own step")
			.isNotEmpty()
			.allMatch((line) -> !line.path("process").path("thread").path("name").asString().equals("main"));
	}

	/** The JSON lines our code logged while the run went on (the sandbox's and start-up lines aside). */
	private static List<JsonNode> runLines(CapturedOutput output) {
		JsonMapper json = JsonMapper.builder().build();
		return output.getErr().lines()
			.filter((line) -> line.startsWith("{"))
			.map(json::readTree)
			.filter((line) -> line.path("log").path("logger").asString().startsWith("dev.seatkeeper."))
			.filter((line) -> !line.path("log").path("logger").asString().startsWith("dev.seatkeeper.sandbox."))
			.toList();
	}

	private static List<String> stepOf(List<JsonNode> lines, String logger) {
		return lines.stream()
			.filter((line) -> line.path("log").path("logger").asString().equals(logger))
			.map((line) -> line.path("step").asString())
			.toList();
	}

	private static JobHarness start(Sandbox sandbox) {
		Map<String, Object> properties = new HashMap<>(TestProfiles.properties(sandbox));
		properties.put("spring.profiles.active", "json-logs");
		// Progress on every read, so the partition workers' threads log too.
		properties.put("seatkeeper.job.progress-interval", "0s");
		return JobHarness.start(TestDatabase.H2, Clock.fixed(NOW, ZoneOffset.UTC), properties);
	}

}
