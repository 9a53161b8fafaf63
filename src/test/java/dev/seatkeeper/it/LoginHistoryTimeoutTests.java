package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.fault.RequestLog;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A big org whose wide, sorted LoginHistory queries time out ({@code 400 QUERY_TIMEOUT}): the job narrows each
 * window into halves until Salesforce answers, never repeats a query that timed out, and stores exactly the org's
 * logins. On H2: the splitting is the client's; a split run killed and resumed on both databases is
 * {@code LoginHistorySplitKillIT}.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginHistoryTimeoutTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	/** About 105,000 logins over 30 days in 16 windows of ~6,500: every window is split at least twice. */
	static final long SCAN_LIMIT_ROWS = 2_000;

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void timedOutWindowsAreSplitUntilSalesforceAnswersAndNothingIsMissingOrTwice(TestDatabase database,
			CapturedOutput output) {
		try (Sandbox sandbox = Sandbox.builder().users(20_000).seed(12).loginDays(30).now(NOW)
			.queryTimeoutRows(SCAN_LIMIT_ROWS).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
			RunResult result = app.run(TestProfiles.of("acme", sandbox).activity(31, 30, 4).build(), RUN_DATE);

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
			GroundTruth.assertTablesMatch(app.jdbc(), "acme", sandbox);
			List<String> timedOut = loginHistoryQueries(sandbox, 400);
			assertThat(timedOut).as("queries answered QUERY_TIMEOUT (each one split)").hasSizeGreaterThanOrEqualTo(16);
			assertThat(timesSent(sandbox)).as("no LoginHistory query sent twice")
				.allSatisfy((query, times) -> assertThat(times).as(query).isEqualTo(1));
			assertThat(output.getAll().lines().filter(line -> line.contains("LoginHistory from")
					&& line.contains("timed out in Salesforce (QUERY_TIMEOUT); reading it in two halves, split at")))
				.as("one log line per split").hasSize(timedOut.size());
		}
	}

	static List<String> loginHistoryQueries(Sandbox sandbox, int status) {
		return loginHistory(sandbox).filter(entry -> entry.status() == status).map(RequestLog.Entry::pathAndQuery)
			.map(LoginHistoryTimeoutTests::decode)
			.toList();
	}

	/** How often each LoginHistory query (first pages, not query-more) was sent. */
	static Map<String, Long> timesSent(Sandbox sandbox) {
		return loginHistory(sandbox).map(RequestLog.Entry::pathAndQuery)
			.map(LoginHistoryTimeoutTests::decode)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private static java.util.stream.Stream<RequestLog.Entry> loginHistory(Sandbox sandbox) {
		return sandbox.requests().entries().stream()
			.filter(entry -> entry.pathAndQuery().contains("/query?q=") && decode(entry.pathAndQuery()).contains("FROM LoginHistory"));
	}

	private static String decode(String pathAndQuery) {
		return URLDecoder.decode(pathAndQuery, StandardCharsets.UTF_8);
	}

}
