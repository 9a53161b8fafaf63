package dev.seatkeeper.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.seatkeeper.salesforce.KeyedQuery;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SandboxClients;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.fault.Faults;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.MetaDataInstanceFactory;

/**
 * The keyed reader on its own against the sandbox: the key of the last item handed out is what the step's
 * ExecutionContext keeps, a reader opened on that context resumes right after it (nothing read twice, nothing
 * skipped), and a query locator that expires mid-read is replaced by the same query from the last key.
 */
class KeyedSalesforceReaderTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final KeyedQuery USERS = KeyedQuery.byId("User", List.of("Id", "Username"), null, 100_000);

	static Sandbox sandbox;

	static SalesforceClient client;

	@BeforeAll
	static void start() {
		sandbox = Sandbox.builder().users(4500).seed(8).loginDays(1).now(NOW).build().start();
		client = SandboxClients.connect(sandbox);
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@BeforeEach
	void clear() {
		sandbox.faults().reset();
		sandbox.requests().clear();
	}

	@Test
	void aReaderOpenedOnTheSavedContextResumesRightAfterTheLastItemHandedOut() throws Exception {
		ExecutionContext context = MetaDataInstanceFactory.createStepExecution().getExecutionContext();
		KeyedSalesforceReader<String> first = reader();
		first.open(context);
		List<String> read = read(first, 2345);
		first.update(context);
		first.close();
		assertThat(context.getString("users.last.id")).isEqualTo(read.get(read.size() - 1));
		sandbox.requests().clear();

		KeyedSalesforceReader<String> resumed = reader();
		resumed.open(context);
		read.addAll(read(resumed, Integer.MAX_VALUE));
		resumed.close();

		assertThat(read).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(allUserIds());
		assertThat(queries()).first().asString().contains("WHERE Id > '" + context.getString("users.last.id") + "'");
	}

	@Test
	void anExpiredQueryLocatorIsReplacedByTheSameQueryFromTheLastKey() throws Exception {
		KeyedSalesforceReader<String> reader = reader();
		sandbox.faults().afterCalls(1, Faults::expireQueryLocators);
		reader.open(new ExecutionContext());
		List<String> read = read(reader, Integer.MAX_VALUE);
		reader.close();

		assertThat(read).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(allUserIds());
		assertThat(sandbox.requests().entries()).anySatisfy((entry) -> assertThat(entry.status()).isEqualTo(400));
		assertThat(queries()).as("the query again, from a key")
			.anySatisfy((soql) -> assertThat(soql).contains("WHERE Id > '"));
	}

	private static KeyedSalesforceReader<String> reader() {
		return new KeyedSalesforceReader<>("users", client, USERS, (record) -> record.path("Id").asString(),
				new ProgressLog(Duration.ofHours(1)));
	}

	private static List<String> read(KeyedSalesforceReader<String> reader, int most) throws Exception {
		List<String> ids = new ArrayList<>();
		for (String id = reader.read(); id != null; id = (ids.size() < most) ? reader.read() : null) {
			ids.add(id);
		}
		return ids;
	}

	private static List<String> allUserIds() {
		return sandbox.org().table(OrgTypes.USER).rows().stream().map(Row::id).toList();
	}

	/** The SOQL of each query (not query-more) the org answered, in order. */
	private static List<String> queries() {
		return sandbox.requests()
			.entries()
			.stream()
			.filter((entry) -> entry.pathAndQuery().contains("/query?q="))
			.map((entry) -> URLDecoder.decode(entry.pathAndQuery().substring(entry.pathAndQuery().indexOf("q=") + 2),
					StandardCharsets.UTF_8))
			.toList();
	}

}
