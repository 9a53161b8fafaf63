package dev.seatkeeper.sandbox;

import static dev.seatkeeper.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import dev.seatkeeper.sandbox.fault.RequestLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.seatkeeper.sandbox.org.OrgTypes;
import tools.jackson.databind.JsonNode;

class SandboxFaultTests {

	static final Instant NOW = Instant.parse("2026-11-25T14:03:07Z");

	static final String LIMITS = SandboxHttp.V + "/limits";

	Sandbox sandbox;

	SandboxHttp http;

	@BeforeEach
	void start() {
		this.sandbox = Sandbox.builder().users(300).now(NOW).apiLimit(50).build().start();
		this.http = new SandboxHttp(this.sandbox).login();
	}

	@AfterEach
	void stop() {
		this.sandbox.close();
	}

	@Test
	void everyApiCallCountsAndCarriesTheLimitHeader() {
		HttpResponse<String> first = this.http.get(LIMITS);
		assertThat(first.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=1/50");
		JsonNode limits = json(first);
		assertThat(limits.path("DailyApiRequests").path("Max").asInt()).isEqualTo(50);
		assertThat(limits.path("DailyApiRequests").path("Remaining").asInt()).isEqualTo(49);
		assertThat(this.http.query("SELECT Id FROM Profile").headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=2/50");
		assertThat(this.sandbox.apiUsage().used()).isEqualTo(2);
	}

	@Test
	void pastTheLimitCallsAreRefused() {
		for (int i = 0; i < 50; i++) {
			assertThat(this.http.get(LIMITS).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> refused = this.http.get(LIMITS);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(json(refused).get(0).path("errorCode").asString()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
		assertThat(refused.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=50/50");
	}

	@Test
	void exhaustedBudgetFault() {
		this.sandbox.faults().exhaustApiBudget();
		assertThat(this.http.get(LIMITS).statusCode()).isEqualTo(403);
		this.sandbox.faults().reset();
		assertThat(this.http.get(LIMITS).statusCode()).isEqualTo(200);
	}

	@Test
	void nextCallsFailWith5xxThenRecover() {
		this.sandbox.faults().failNext(2, 503);
		HttpResponse<String> failed = this.http.get(LIMITS);
		assertThat(failed.statusCode()).isEqualTo(503);
		assertThat(json(failed).get(0).path("errorCode").asString()).isEqualTo("SERVER_UNAVAILABLE");
		assertThat(failed.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=0/50");
		assertThat(this.http.get(LIMITS).statusCode()).isEqualTo(503);
		assertThat(this.http.get(LIMITS).statusCode()).isEqualTo(200);
		this.sandbox.faults().failNext(1, 500);
		assertThat(this.http.get(LIMITS).statusCode()).isEqualTo(500);
		assertThatThrownBy(() -> this.sandbox.faults().failNext(1, 502)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void sessionsExpireNowOrAfterSomeCallsMidPaging() {
		JsonNode page = json(this.http.query("SELECT Id FROM User", "Sforce-Query-Options", "batchSize=200"));
		this.sandbox.faults().expireSessionsAfter(1);
		assertThat(this.http.get(page.path("nextRecordsUrl").asString()).statusCode()).isEqualTo(200);
		assertThat(this.http.get(page.path("nextRecordsUrl").asString()).statusCode()).isEqualTo(401);
		this.http.login();
		assertThat(this.http.get(page.path("nextRecordsUrl").asString()).statusCode()).isEqualTo(200);
		this.sandbox.faults().expireSessionsNow();
		assertThat(this.http.get(LIMITS).statusCode()).isEqualTo(401);
	}

	@Test
	void latencyAndSlowCallsDelayResponses() {
		this.sandbox.faults().latency(150);
		long start = System.nanoTime();
		this.http.get(LIMITS);
		assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
		this.sandbox.faults().latency(0).slowEvery(2, 300);
		long[] took = new long[4];
		for (int i = 0; i < 4; i++) {
			long t = System.nanoTime();
			this.http.get(LIMITS);
			took[i] = (System.nanoTime() - t) / 1_000_000;
		}
		assertThat(java.util.Arrays.stream(took).filter((ms) -> ms >= 300).count()).isEqualTo(2);
	}

	@Test
	void expiredLocatorsAndMalformedPages() {
		JsonNode page = json(this.http.query("SELECT Id FROM User", "Sforce-Query-Options", "batchSize=200"));
		this.sandbox.faults().expireQueryLocators();
		HttpResponse<String> more = this.http.get(page.path("nextRecordsUrl").asString());
		assertThat(more.statusCode()).isEqualTo(400);
		assertThat(json(more).get(0).path("errorCode").asString()).isEqualTo("INVALID_QUERY_LOCATOR");
		this.sandbox.faults().malformedNextQueryPage();
		HttpResponse<String> broken = this.http.query("SELECT Id, Name FROM User");
		assertThat(broken.statusCode()).isEqualTo(200);
		assertThatThrownBy(() -> json(broken)).isInstanceOf(tools.jackson.core.JacksonException.class);
		assertThat(json(this.http.query("SELECT Id, Name FROM User")).path("totalSize").asInt()).isEqualTo(300);
	}

	@Test
	void adminEndpointSwitchesFaultsFromAnotherProcess() {
		HttpResponse<String> set = this.http.post("/__sandbox/faults",
				"{\"failNextCalls\":1,\"failStatus\":500,\"latencyMs\":5,\"expireSessionsAfterCalls\":3}");
		assertThat(set.statusCode()).isEqualTo(200);
		assertThat(json(set).path("failNextCalls").asInt()).isEqualTo(1);
		assertThat(json(set).path("expireSessionsAfterCalls").asInt()).isEqualTo(3);
		assertThat(this.http.get(LIMITS).statusCode()).isEqualTo(500);
		this.http.post("/__sandbox/faults", "{\"reset\":true,\"exhaustApiBudget\":true}");
		assertThat(this.http.get(LIMITS).statusCode()).isEqualTo(403);
		assertThat(json(this.http.get("/__sandbox/faults")).path("apiUsed").asInt()).isEqualTo(50);
		assertThat(this.http.post("/__sandbox/faults", "{\"failNextCalls\":1,\"failStatus\":418}").statusCode()).isEqualTo(400);
		JsonNode facts = json(this.http.get("/__sandbox/facts"));
		assertThat(facts.path("users").asInt()).isEqualTo(300);
	}

	@Test
	void requestLogRecordsApiCallsButNotAdminCalls() {
		this.sandbox.requests().clear();
		this.http.query("SELECT Id FROM Profile");
		this.http.get(SandboxHttp.V + "/nothing-here");
		new SandboxHttp(this.sandbox).get(LIMITS);
		this.http.get("/__sandbox/faults");
		List<RequestLog.Entry> entries = this.sandbox.requests().entries();
		assertThat(entries).extracting(RequestLog.Entry::status).containsExactly(200, 404, 401);
		assertThat(entries.get(0).method()).isEqualTo("GET");
		assertThat(entries.get(0).pathAndQuery()).startsWith("/services/data/v62.0/query?q=SELECT");
		JsonNode viaHttp = json(this.http.get("/__sandbox/requests"));
		assertThat(viaHttp).hasSize(3);
		assertThat(viaHttp.get(2).path("status").asInt()).isEqualTo(401);
		assertThat(this.http.delete("/__sandbox/requests").statusCode()).isEqualTo(204);
		assertThat(this.sandbox.requests().entries()).isEmpty();
		assertThat(this.sandbox.apiUsage().used()).isEqualTo(2);
	}

	@Test
	void chaosMixStillLetsAPatientClientThrough() {
		this.sandbox.faults().chaos(true);
		int ok = 0;
		for (int i = 0; i < 30; i++) {
			ok += this.http.get(SandboxHttp.V + "/").statusCode() == 200 ? 1 : 0;
		}
		assertThat(ok).isGreaterThan(25);
		assertThat(this.sandbox.faults().state().chaos()).isTrue();
	}

	@Test
	void versionsAndResourcesNeedNoGuessing() {
		JsonNode versions = json(this.http.get("/services/data"));
		assertThat(versions).anySatisfy((v) -> assertThat(v.path("version").asString()).isEqualTo("62.0"));
		assertThat(versions).anySatisfy((v) -> assertThat(v.path("label").asString()).isEqualTo("Winter '25"));
		JsonNode resources = json(this.http.get(SandboxHttp.V));
		assertThat(resources.path("query").asString()).isEqualTo("/services/data/v62.0/query");
		assertThat(this.http.get("/services/data/v99.0/limits").statusCode()).isEqualTo(404);
		assertThat(json(this.http.get(SandboxHttp.V + "/sobjects")).path("sobjects").size()).isEqualTo(OrgTypes.ALL.size());
	}

}
