package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code 403 REQUEST_LIMIT_EXCEEDED} for too many concurrent long-running requests is not the daily budget: the run
 * backs off with fewer requests in flight and completes, instead of stopping with "API budget reached".
 */
class ConcurrentRequestLimitTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void refusedForConcurrencyTheRunBacksOffAndCompletes(TestDatabase database) {
		// Every request counts as long-running at once, two at a time, and pages take a while: four cursors with pages
		// asked for ahead are refused until the client sends fewer at once.
		try (Sandbox sandbox = Sandbox.builder().users(600).seed(4).loginDays(60).now(NOW).queryPageMs(150)
			.concurrentRequestLimit(2, 0).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
			RunResult result = app.run(TestProfiles.of("acme", sandbox).batchSize(200).build(), LocalDate.of(2026, 11, 27));

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
			assertThat(sandbox.requests().entries()).as("refused for concurrency at least once")
				.anySatisfy(entry -> assertThat(entry.status()).isEqualTo(403));
			GroundTruth.assertTablesMatch(app.jdbc(), "acme", sandbox);
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void theDailyLimitStillStopsTheRun(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(200).seed(4).loginDays(10).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
			sandbox.faults().afterCalls(4, faults -> faults.exhaustApiBudget());

			RunResult result = app.run(TestProfiles.of("acme", sandbox).build(), LocalDate.of(2026, 11, 27));

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.STOPPED);
			assertThat(result.message()).contains("API budget reached");
		}
	}

}
