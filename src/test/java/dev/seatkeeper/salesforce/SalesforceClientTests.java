package dev.seatkeeper.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.Map;

import dev.seatkeeper.salesforce.FakeSalesforce.Request;
import dev.seatkeeper.salesforce.FakeSalesforce.Response;
import dev.seatkeeper.salesforce.auth.SalesforceTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The client against literal Salesforce payloads, through the real RestClient and Spring Security stack, with the
 * client-credentials flow.
 */
class SalesforceClientTests {

	private static final String QUERY = "/services/data/v62.0/query";

	private static final String NEXT_PAGE = "/services/data/v62.0/query/01gD0000002HU6KIAW-2";

	private final FakeSalesforce salesforce = FakeSalesforce.start();

	private SalesforceTokenStore store;

	private SalesforceClient client;

	@BeforeEach
	void connect() {
		this.store = SalesforceFixtures.h2Store();
		this.client = SalesforceFixtures.factory(this.store)
			.connect(SalesforceFixtures.connection(this.salesforce, SalesforceFixtures.clientCredentials()));
		this.salesforce.token("token-response.json");
	}

	@AfterEach
	void stop() {
		this.salesforce.close();
	}

	@Test
	void multiPageQueryMakesOneTokenRequestAndFollowsNextRecordsUrl() {
		this.salesforce.on("GET", QUERY, 200, "query-users-page1.json")
			.on("GET", NEXT_PAGE, 200, "query-users-page2.json");

		List<String> ids = this.client.query("SELECT Id FROM User").map((user) -> user.path("Id").asString()).toList();

		assertThat(ids).containsExactly("0055g00000ABCDEAA4", "0055g00000ABCDFAA4", "0055g00000ABCDGAA4");
		assertThat(this.salesforce.tokenRequests()).hasSize(1);
		Request token = this.salesforce.tokenRequests().get(0);
		assertThat(token.param("grant_type")).isEqualTo("client_credentials");
		assertThat(token.param("client_id")).isEqualTo("3MVG9clientId");
		List<Request> pages = this.salesforce.requests("/services/data/");
		assertThat(pages).extracting(Request::path).containsExactly(QUERY, NEXT_PAGE);
		assertThat(pages).allSatisfy((page) -> {
			assertThat(page.header("Authorization")).isEqualTo("Bearer 00D5g000004XXXX!AQ0AQ.accessTokenOne");
			assertThat(page.header("Sforce-Query-Options")).isEqualTo("batchSize=2000");
		});
		assertThat(pages.get(0).param("q")).isEqualTo("SELECT Id FROM User");
	}

	@Test
	void partitionsSharingAClientMakeOneTokenRequest() throws Exception {
		this.salesforce.on("GET", QUERY, 200, "query-count.json");
		java.util.concurrent.ExecutorService partitions = java.util.concurrent.Executors.newFixedThreadPool(6);
		try {
			List<java.util.concurrent.Future<QueryPage>> pages = partitions.invokeAll(java.util.Collections.nCopies(12,
					() -> this.client.queryPage("SELECT COUNT() FROM LoginHistory")));
			for (java.util.concurrent.Future<QueryPage> page : pages) {
				assertThat(page.get().totalSize()).isEqualTo(3125);
			}
		}
		finally {
			partitions.shutdownNow();
		}

		assertThat(this.salesforce.tokenRequests()).hasSize(1);
		assertThat(this.client.apiBudget().callsMade()).isEqualTo(12);
	}

	@Test
	void queryStreamIsLazy() {
		this.salesforce.on("GET", QUERY, 200, "query-users-page1.json")
			.on("GET", NEXT_PAGE, 200, "query-users-page2.json");

		java.util.stream.Stream<JsonNode> users = this.client.query("SELECT Id FROM User");
		assertThat(this.salesforce.requests()).isEmpty();
		List<JsonNode> firstTwo = users.limit(2).toList();

		assertThat(firstTwo).hasSize(2);
		assertThat(this.salesforce.requests(NEXT_PAGE)).isEmpty();
	}

	@Test
	void typedQueryMapsEachRecord() {
		this.salesforce.on("GET", QUERY, 200, "query-users-page1.json")
			.on("GET", NEXT_PAGE, 200, "query-users-page2.json");

		List<String> licenses = this.client
			.query("SELECT Id FROM User",
					(user) -> String.valueOf(SalesforceRecords.text(user, "Profile.UserLicense.LicenseDefinitionKey")))
			.toList();

		assertThat(licenses).containsExactly("SFDC", "null", "null");
	}

	@Test
	void singleAttemptSettingsNeverRetry() {
		SalesforceClient once = SalesforceFixtures.factory(this.store)
			.connect(SalesforceFixtures.connection(this.salesforce, SalesforceFixtures.clientCredentials())
				.withRetry(new SalesforceConnection.RetrySettings(1, java.time.Duration.ZERO, java.time.Duration.ZERO)));
		this.salesforce.on("GET", QUERY, 500, "error-server.json");

		assertThatExceptionOfType(SalesforceApiException.class).isThrownBy(() -> once.queryPage("SELECT Id FROM User"));
		assertThat(this.salesforce.requests(QUERY)).hasSize(1);
	}

	@Test
	void queryAllUsesTheQueryAllResource() {
		this.salesforce.on("GET", "/services/data/v62.0/queryAll", 200, "query-count.json");

		QueryPage page = this.client.queryAllPage("SELECT COUNT() FROM User");

		assertThat(page.totalSize()).isEqualTo(3125);
		assertThat(page.done()).isTrue();
		assertThat(page.records()).isEmpty();
		assertThat(page.nextRecordsUrl()).isNull();
	}

	@Test
	void pageApiExposesCursorFields() {
		this.salesforce.on("GET", QUERY, 200, "query-users-page1.json")
			.on("GET", NEXT_PAGE, 200, "query-users-page2.json");

		QueryPage first = this.client.queryPage("SELECT Id FROM User");
		QueryPage second = this.client.nextPage(first.nextRecordsUrl());

		assertThat(first.done()).isFalse();
		assertThat(first.totalSize()).isEqualTo(3);
		assertThat(first.records()).hasSize(2);
		assertThat(second.done()).isTrue();
		assertThat(second.hasNext()).isFalse();
	}

	@Test
	void invalidSessionReauthenticatesOnceAndRetries() {
		this.salesforce.token("token-response-second.json");
		this.salesforce.on("GET", QUERY, 401, "error-invalid-session.json").on("GET", QUERY, 200, "query-count.json");

		QueryPage page = this.client.queryPage("SELECT COUNT() FROM User");

		assertThat(page.totalSize()).isEqualTo(3125);
		assertThat(this.salesforce.tokenRequests()).hasSize(2);
		List<Request> queries = this.salesforce.requests(QUERY);
		assertThat(queries).hasSize(2);
		assertThat(queries.get(1).header("Authorization")).isEqualTo("Bearer 00D5g000004XXXX!AQ0AQ.accessTokenTwo");
	}

	@Test
	void invalidSessionTwiceFailsWithoutAStorm() {
		this.salesforce.on("GET", QUERY, 401, "error-invalid-session.json");

		assertThatExceptionOfType(SalesforceApiException.class)
			.isThrownBy(() -> this.client.queryPage("SELECT Id FROM User"))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("INVALID_SESSION_ID"));
		assertThat(this.salesforce.requests(QUERY)).hasSize(2);
		assertThat(this.salesforce.tokenRequests()).hasSize(2);
	}

	@Test
	void serverErrorsAreRetriedThenSucceed() {
		this.salesforce.on("GET", QUERY, 500, "error-server.json")
			.on("GET", QUERY, 503, "error-server.json")
			.on("GET", QUERY, 200, "query-count.json");

		assertThat(this.client.queryPage("SELECT COUNT() FROM User").totalSize()).isEqualTo(3125);
		assertThat(this.salesforce.requests(QUERY)).hasSize(3);
	}

	@Test
	void serverErrorsGiveUpAfterMaxAttempts() {
		this.salesforce.on("GET", QUERY, 500, "error-server.json");

		assertThatExceptionOfType(SalesforceApiException.class)
			.isThrownBy(() -> this.client.queryPage("SELECT COUNT() FROM User"))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("UNKNOWN_EXCEPTION");
				assertThat(ex.getHttpStatus()).isEqualTo(500);
				assertThat(ex.isRetryable()).isTrue();
			});
		assertThat(this.salesforce.requests(QUERY)).hasSize(SalesforceFixtures.FAST_RETRY.maxAttempts());
	}

	@Test
	void writesAreNeverSentTwiceOnAServerError() {
		this.salesforce.on("PATCH", "/services/data/v62.0/composite/sobjects", 503, "error-server.json")
			.on("PATCH", "/services/data/v62.0/composite/sobjects", 200, "composite-update-results.json");

		assertThatExceptionOfType(SalesforceApiException.class)
			.isThrownBy(() -> this.client.updateAll(List.of(deactivate("0055g00000ABCDEAA4"))))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(503));
		assertThat(this.salesforce.requests("/services/data/v62.0/composite/sobjects"))
			.as("the write may have been applied: the caller checks before sending again")
			.hasSize(1);
	}

	@Test
	void gatewayErrorsWithoutASalesforceBodyAreRetried() {
		this.salesforce.on("GET", QUERY, (request) -> new Response(502, "<html><body>Bad Gateway</body></html>"))
			.on("GET", QUERY, 200, "query-count.json");

		assertThat(this.client.queryPage("SELECT COUNT() FROM User").totalSize()).isEqualTo(3125);
		assertThat(this.salesforce.requests(QUERY)).hasSize(2);
	}

	@Test
	void readTimeoutsAreRetried() {
		SalesforceClient impatient = SalesforceFixtures.factory(this.store)
			.connect(SalesforceFixtures.connection(this.salesforce, SalesforceFixtures.clientCredentials())
				.withReadTimeout(java.time.Duration.ofMillis(200)));
		this.salesforce.on("GET", QUERY, (request) -> new Response(200, this.salesforce.body("query-count.json"), 1000))
			.on("GET", QUERY, 200, "query-count.json");

		assertThat(impatient.queryPage("SELECT COUNT() FROM User").totalSize()).isEqualTo(3125);
		assertThat(this.salesforce.requests(QUERY)).hasSize(2);
	}

	@Test
	void aQueryThatKeepsTimingOutIsSentTwiceAtMost() {
		SalesforceClient impatient = SalesforceFixtures.factory(this.store)
			.connect(SalesforceFixtures.connection(this.salesforce, SalesforceFixtures.clientCredentials())
				.withReadTimeout(java.time.Duration.ofMillis(200)));
		for (int i = 0; i < 4; i++) {
			this.salesforce.on("GET", QUERY, (request) -> new Response(200, this.salesforce.body("query-count.json"), 1000));
		}

		assertThatExceptionOfType(SalesforceApiException.class)
			.isThrownBy(() -> impatient.queryPage("SELECT COUNT() FROM User"))
			.satisfies((ex) -> assertThat(ex.isTimeout()).isTrue());
		assertThat(this.salesforce.requests(QUERY)).hasSize(2);
	}

	@Test
	void tooManyConcurrentRequestsIsRetriedAndIsNoBudget() {
		this.salesforce.on("GET", QUERY, (request) -> new Response(403,
				"[{\"message\":\"ConcurrentRequests (Concurrent API Requests) Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]"))
			.on("GET", QUERY, 200, "query-count.json");

		assertThat(this.client.queryPage("SELECT COUNT() FROM User").totalSize()).isEqualTo(3125);
		assertThat(this.salesforce.requests(QUERY)).hasSize(2);
	}

	@ParameterizedTest
	@CsvSource({ "400, error-invalid-field.json, INVALID_FIELD", "400, error-malformed-query.json, MALFORMED_QUERY",
			"403, error-request-limit.json, REQUEST_LIMIT_EXCEEDED" })
	void clientErrorsAreNotRetried(int status, String resource, String errorCode) {
		this.salesforce.on("GET", QUERY, status, resource);

		assertThatExceptionOfType(SalesforceApiException.class)
			.isThrownBy(() -> this.client.queryPage("SELECT Foo FROM User"))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(errorCode);
				assertThat(ex.getHttpStatus()).isEqualTo(status);
				assertThat(ex.isRetryable()).isFalse();
			});
		assertThat(this.salesforce.requests(QUERY)).hasSize(1);
	}

	@Test
	void expiredQueryLocatorReissuesTheKeyedQueryFromTheLastKey() {
		this.salesforce.on("GET", QUERY, 200, "query-keyed-page1.json")
			.on("GET", QUERY, 200, "query-keyed-after-locator.json")
			.on("GET", NEXT_PAGE, 400, "error-invalid-query-locator.json");
		KeyedQuery query = KeyedQuery.byId("User", List.of("Username"), "IsActive = true", 1000);

		List<String> ids = this.client.queryKeyed(query, null).map((user) -> user.path("Id").asString()).toList();

		assertThat(ids).containsExactly("0055g00000ABCDEAA4", "0055g00000ABCDFAA4", "0055g00000ABCDGAA4");
		List<Request> queries = this.salesforce.requests(QUERY);
		assertThat(queries).extracting(Request::path).containsExactly(QUERY, NEXT_PAGE, QUERY);
		assertThat(queries.get(0).param("q"))
			.isEqualTo("SELECT Id, Username FROM User WHERE (IsActive = true) ORDER BY Id LIMIT 1000");
		assertThat(queries.get(2).param("q")).isEqualTo(
				"SELECT Id, Username FROM User WHERE (IsActive = true) AND Id > '0055g00000ABCDFAA4' ORDER BY Id LIMIT 1000");
	}

	@Test
	void keyedCursorIssuesTheNextKeyedQueryWhenALimitFullAnswerIsDone() {
		this.salesforce.on("GET", QUERY, 200, "query-users-page2.json").on("GET", QUERY, 200, "query-count.json");
		KeyedQuery query = KeyedQuery.byId("User", List.of("Username"), null, 1);
		KeyedCursor cursor = this.client.keyedCursor(query, Key.id("0055g00000ABCDEAA4"));

		assertThat(cursor.nextPage()).hasSize(1);
		assertThat(cursor.lastKey()).isEqualTo(Key.id("0055g00000ABCDGAA4"));
		assertThat(cursor.nextPage()).isEmpty();
		assertThat(cursor.isExhausted()).isTrue();
		assertThat(this.salesforce.requests(QUERY)).extracting((request) -> request.param("q")).containsExactly(
				"SELECT Id, Username FROM User WHERE Id > '0055g00000ABCDEAA4' ORDER BY Id LIMIT 1",
				"SELECT Id, Username FROM User WHERE Id > '0055g00000ABCDGAA4' ORDER BY Id LIMIT 1");
	}

	@Test
	void budgetExhaustionFailsFastBeforeCalling() {
		this.client = SalesforceFixtures.factory(this.store)
			.connect(SalesforceFixtures.connection(this.salesforce, SalesforceFixtures.clientCredentials())
				.withApiBudgetShare(0.5));
		this.salesforce.apiUsage(98, 200);
		this.salesforce.on("GET", QUERY, 200, "query-count.json");

		this.client.queryPage("SELECT COUNT() FROM User");
		assertThat(this.client.apiBudget().lastUsage()).isEqualTo(new ApiBudget.Usage(99, 200));
		this.client.queryPage("SELECT COUNT() FROM User");

		assertThatExceptionOfType(ApiBudgetExhaustedException.class)
			.isThrownBy(() -> this.client.queryPage("SELECT COUNT() FROM User"))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse())
			.withMessageContaining("100");
		assertThat(this.salesforce.requests(QUERY)).hasSize(2);
		assertThat(this.client.apiBudget().callsMade()).isEqualTo(2);
		assertThat(this.client.apiBudget().allowed()).isEqualTo(100);
	}

	@Test
	void limitsAreTyped() {
		this.salesforce.on("GET", "/services/data/v62.0/limits", 200, "limits.json");

		OrgLimits limits = this.client.limits();

		assertThat(limits.dailyApiRequests()).isEqualTo(new OrgLimits.Limit(15000, 14982));
		assertThat(limits.dailyApiRequests().used()).isEqualTo(18);
		assertThat(limits.get("DataStorageMB")).contains(new OrgLimits.Limit(1024, 913));
	}

	@Test
	void compositeUpdateResultsAreMatchedByPosition() {
		this.salesforce.on("PATCH", "/services/data/v62.0/composite/sobjects", 200, "composite-update-results.json");
		List<SObjectUpdate> updates = List.of(deactivate("0055g00000ABCDEAA4"), deactivate("0055g00000ABCDFAA4"),
				deactivate("0055g00000ABCDGAA4"));

		List<SaveOutcome> outcomes = this.client.updateAll(updates);

		assertThat(outcomes).extracting(SaveOutcome::requestedId, SaveOutcome::success)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("0055g00000ABCDEAA4", true),
					org.assertj.core.groups.Tuple.tuple("0055g00000ABCDFAA4", false),
					org.assertj.core.groups.Tuple.tuple("0055g00000ABCDGAA4", true));
		SaveResult failed = outcomes.get(1).result();
		assertThat(failed.id()).isNull();
		assertThat(failed.errorList()).singleElement().satisfies((error) -> {
			assertThat(error.code()).isEqualTo("FIELD_INTEGRITY_EXCEPTION");
			assertThat(error.fields()).containsExactly("IsActive");
		});
		String body = this.salesforce.requests("/services/data/v62.0/composite").get(0).body();
		assertThat(body).contains("\"allOrNone\":false").contains("{\"type\":\"User\"}").contains("\"IsActive\":false");
	}

	@Test
	void compositeUpdatesAreChunkedBy200() {
		this.salesforce.on("PATCH", "/services/data/v62.0/composite/sobjects", (request) -> {
			int records = request.body().split("\"attributes\"").length - 1;
			return new Response(200, "[" + String.join(",", java.util.Collections.nCopies(records,
					"{\"id\":\"0055g00000ABCDEAA4\",\"success\":true,\"errors\":[]}")) + "]");
		});
		List<SObjectUpdate> updates = java.util.stream.IntStream.range(0, 450)
			.mapToObj((i) -> deactivate(String.format("0055g00000A%04dAA4", i)))
			.toList();

		assertThat(this.client.updateAll(updates)).hasSize(450).allMatch(SaveOutcome::success);
		assertThat(this.salesforce.requests("/services/data/v62.0/composite")).hasSize(3);
	}

	@Test
	void compositeDeleteSendsIdsAndAllOrNoneFalse() {
		this.salesforce.on("DELETE", "/services/data/v62.0/composite/sobjects", 200, "composite-delete-results.json");

		List<SaveOutcome> outcomes = this.client.deleteAll(List.of("0PL5g000000AbcdGAA", "0PL5g000000AbceGAA"));

		assertThat(outcomes).extracting(SaveOutcome::success).containsExactly(true, false);
		assertThat(outcomes.get(1).requestedId()).isEqualTo("0PL5g000000AbceGAA");
		Request delete = this.salesforce.requests("/services/data/v62.0/composite").get(0);
		assertThat(delete.param("ids")).isEqualTo("0PL5g000000AbcdGAA,0PL5g000000AbceGAA");
		assertThat(delete.param("allOrNone")).isEqualTo("false");
	}

	@Test
	void singleRecordPatchAndDelete() {
		this.salesforce.on("PATCH", "/services/data/v62.0/sobjects/UserLogin/*", (request) -> new Response(204, ""))
			.on("DELETE", "/services/data/v62.0/sobjects/UserPackageLicense/*", (request) -> new Response(204, ""));

		this.client.update(new SObjectUpdate("UserLogin", "0Yw5g000000AbcdCAC", Map.of("IsFrozen", true)));
		this.client.delete("UserPackageLicense", "0515g000000AbcdAAA");

		assertThat(this.salesforce.requests("/services/data/v62.0/sobjects")).extracting(Request::method, Request::path)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("PATCH", "/services/data/v62.0/sobjects/UserLogin/0Yw5g000000AbcdCAC"),
					org.assertj.core.groups.Tuple.tuple("DELETE",
							"/services/data/v62.0/sobjects/UserPackageLicense/0515g000000AbcdAAA"));
		assertThat(this.salesforce.requests("/services/data/v62.0/sobjects").get(0).body())
			.isEqualTo("{\"IsFrozen\":true}");
	}

	@Test
	void nextRecordsUrlMustStayOnTheInstance() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.client.nextPage("https://evil.example/services/data/v62.0/query/x"));
	}

	private static SObjectUpdate deactivate(String id) {
		return new SObjectUpdate("User", id, Map.of("IsActive", false));
	}

}
