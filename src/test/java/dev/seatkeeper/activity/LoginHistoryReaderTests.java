package dev.seatkeeper.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.seatkeeper.job.ProgressLog;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SandboxClients;
import dev.seatkeeper.salesforce.Soql;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.OrgRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The login history reader's narrowing when no answer comes in time (a read timeout, not Salesforce's
 * QUERY_TIMEOUT): the window is split in halves, the split is logged and kept in the ExecutionContext, the query that
 * got no answer is sent twice at most (the transport's one retry) and never again, and every login is read once.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginHistoryReaderTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	@Test
	void aWindowThatGetsNoAnswerInTimeIsSplitLoggedAndReadHalfByHalf(CapturedOutput output) throws Exception {
		try (Sandbox sandbox = Sandbox.builder().users(200).seed(4).loginDays(10).now(NOW).build().start()) {
			SalesforceClient client = SandboxClients.connect(sandbox, Duration.ofMillis(1500));
			client.queryPage("SELECT COUNT() FROM User");
			Instant from = NOW.minus(Duration.ofDays(8));
			// The next two calls (the window's query and the transport's retry of it) answer after the read timeout.
			sandbox.faults().slowEvery(1, 4000).afterCalls(2, faults -> faults.slowEvery(0, 0));
			sandbox.requests().clear();
			LoginHistoryReader reader = new LoginHistoryReader(client, new ProgressLog(Duration.ofHours(1)), from, NOW,
					50_000);
			ExecutionContext context = new ExecutionContext();

			reader.open(context);
			List<LoginEvent> events = new ArrayList<>();
			for (LoginEvent event = reader.read(); event != null; event = reader.read()) {
				events.add(event);
			}
			reader.update(context);
			reader.close();

			assertThat(events).extracting(LoginEvent::id).doesNotHaveDuplicates()
				.hasSize(loginsBetween(sandbox, from, NOW));
			// The sandbox logs a call when it has answered: the two abandoned ones only after their delay.
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (loginHistoryQueries(sandbox).values().stream().mapToLong(Long::longValue).sum() < 4
					&& System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			Map<String, Long> sent = loginHistoryQueries(sandbox);
			String whole = "LoginTime > " + Soql.literal(from) + " AND LoginTime <= " + Soql.literal(NOW);
			assertThat(sent).as("the window's query: sent, retried once, then narrowed")
				.hasEntrySatisfying(only(sent, whole), times -> assertThat(times).isEqualTo(2));
			assertThat(sent).as("every other query once").allSatisfy((query, times) -> assertThat(times)
				.isLessThanOrEqualTo(query.contains(whole) ? 2 : 1));
			assertThat(output.getAll()).contains("LoginHistory from " + from + " to " + NOW
					+ " got no answer in time; reading it in two halves, split at " + from.plus(Duration.ofDays(4)));
			assertThat(context.getString(LoginHistoryReader.WINDOWS)).as("the split kept for a restart")
				.isEqualTo(from.plus(Duration.ofDays(4)) + "," + NOW);
		}
	}

	private static String only(Map<String, Long> sent, String fragment) {
		List<String> matching = sent.keySet().stream().filter(query -> query.contains(fragment)).toList();
		assertThat(matching).as("queries of the whole window").hasSize(1);
		return matching.get(0);
	}

	private static int loginsBetween(Sandbox sandbox, Instant from, Instant to) {
		var history = sandbox.org().loginHistory();
		HashSet<String> ids = new HashSet<>();
		for (int i = 0; i < history.size(); i++) {
			OrgRecord login = history.record(i);
			Instant time = (Instant) login.fieldValue("LoginTime");
			if (time.isAfter(from) && !time.isAfter(to)) {
				ids.add(login.id());
			}
		}
		return ids.size();
	}

	private static Map<String, Long> loginHistoryQueries(Sandbox sandbox) {
		return sandbox.requests()
			.entries()
			.stream()
			.map(entry -> URLDecoder.decode(entry.pathAndQuery(), StandardCharsets.UTF_8))
			.filter(query -> query.contains("/query?q=") && query.contains("FROM LoginHistory"))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

}
