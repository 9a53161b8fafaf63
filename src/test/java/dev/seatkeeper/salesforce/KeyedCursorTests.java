package dev.seatkeeper.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.fault.RequestLog.Entry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A keyed cursor that asks for the next page early, against the sandbox (8,000 users: four pages of 2,000). */
class KeyedCursorTests {

	private static final KeyedQuery USERS = KeyedQuery.byId("User", List.of("Username"), null, 50_000);

	private static Sandbox sandbox;

	private final ExecutorService pagesAhead = Executors.newFixedThreadPool(2);

	private SalesforceClient client;

	@BeforeAll
	static void start() {
		sandbox = Sandbox.builder().users(8000).now(Instant.parse("2026-11-25T14:03:07Z")).build().start();
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@BeforeEach
	void connect() {
		sandbox.faults().reset();
		this.client = SandboxClients.connect(sandbox);
		sandbox.requests().clear();
	}

	@AfterEach
	void shutDown() {
		this.pagesAhead.shutdownNow();
	}

	@Test
	void readsEveryRecordOnceInKeyOrderWithOneCallAPage() {
		List<String> early = ids(this.client.keyedCursor(USERS, null, this.pagesAhead));
		int earlyCalls = pageCalls();
		sandbox.requests().clear();
		List<String> inTurn = ids(this.client.keyedCursor(USERS, null));

		assertThat(early).hasSize(8000).doesNotHaveDuplicates().isSorted().isEqualTo(inTurn);
		assertThat(earlyCalls).isEqualTo(4).isEqualTo(pageCalls());
	}

	@Test
	void asksForTheNextPageBeforeItIsWantedButNeverTwoAhead() throws InterruptedException {
		KeyedCursor cursor = this.client.keyedCursor(USERS, null, this.pagesAhead);

		assertThat(cursor.nextPage()).hasSize(2000);
		awaitRequest(page(2000));
		Thread.sleep(300);
		assertThat(requested(page(4000))).as("page 3 asked for while page 2 is not taken").isFalse();

		assertThat(cursor.nextPage()).hasSize(2000);
		awaitRequest(page(4000));
		assertThat(cursor.nextPage()).hasSize(2000);
		assertThat(cursor.nextPage()).hasSize(2000);
		assertThat(cursor.nextPage()).isEmpty();
		assertThat(pageCalls()).isEqualTo(4);
	}

	@Test
	void aLocatorThatExpiredUnderAnEarlyRequestIsReplacedByTheKeyedQueryFromTheLastKey() {
		sandbox.faults().latency(1000);
		KeyedCursor cursor = this.client.keyedCursor(USERS, null, this.pagesAhead);
		List<JsonNode> first = cursor.nextPage();
		sandbox.faults().expireQueryLocators();

		List<String> ids = new ArrayList<>(first.stream().map((user) -> user.path("Id").asString()).toList());
		ids.addAll(ids(cursor));

		assertThat(ids).hasSize(8000).doesNotHaveDuplicates().isSorted();
		List<Entry> queries = sandbox.requests().entries().stream().filter(isQuery()).toList();
		assertThat(queries).extracting(Entry::status).containsExactly(200, 400, 200, 200, 200);
		assertThat(queries.get(2).pathAndQuery()).contains("Id+%3E+%27" + first.get(1999).path("Id").asString());
	}

	private static List<String> ids(KeyedCursor cursor) {
		List<String> ids = new ArrayList<>();
		for (List<JsonNode> page = cursor.nextPage(); !page.isEmpty(); page = cursor.nextPage()) {
			page.forEach((user) -> ids.add(user.path("Id").asString()));
		}
		return ids;
	}

	private static Predicate<Entry> page(int offset) {
		return (entry) -> entry.pathAndQuery().matches(".*/query/01g\\w+-" + offset);
	}

	private static boolean requested(Predicate<Entry> request) {
		return sandbox.requests().entries().stream().anyMatch(request);
	}

	private static void awaitRequest(Predicate<Entry> request) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (!requested(request)) {
			assertThat(Instant.now()).as("request seen in time").isBefore(deadline);
			Thread.sleep(10);
		}
	}

	private static int pageCalls() {
		return (int) sandbox.requests().entries().stream().filter(isQuery()).count();
	}

	private static Predicate<Entry> isQuery() {
		return (entry) -> entry.pathAndQuery().contains("/query");
	}

}
