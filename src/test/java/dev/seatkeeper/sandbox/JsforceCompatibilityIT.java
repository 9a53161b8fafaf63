package dev.seatkeeper.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.seatkeeper.sandbox.fault.RequestLog;
import dev.seatkeeper.sandbox.org.OrgFacts;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A mainstream Salesforce client, jsforce from npm, drives the sandbox unchanged ({@code src/test/js/jsforce-compat}):
 * client-credentials login, auto-fetched multi-page queries, {@code limits()}, a user update read back. What it
 * reports is checked against the sandbox's ground truth and request log. Skipped with a reason without Node.js,
 * unless {@code SEATKEEPER_REQUIRE_NODE=true} (CI) makes that a failure.
 */
class JsforceCompatibilityIT {

	static final Instant NOW = Instant.parse("2026-11-25T14:03:07Z");

	static final String API = "/services/data/v62.0";

	static Sandbox sandbox;

	static OrgFacts before;

	static Row target;

	static JsonNode report;

	@BeforeAll
	static void runJsforceAgainstTheSandbox() throws Exception {
		JsforceProject project = JsforceProject.installed();
		sandbox = Sandbox.builder().users(2500).seed(7).loginDays(20).now(NOW).build().start();
		before = sandbox.facts();
		target = sandbox.org().table(OrgTypes.USER).rows().stream()
			.filter((user) -> Boolean.TRUE.equals(user.fieldValue("IsActive")))
			.filter((user) -> "SFDC".equals(user.value("Profile.UserLicense.LicenseDefinitionKey")))
			.filter((user) -> !before.protectedUserIds().contains(user.id()))
			.findFirst()
			.orElseThrow();
		report = project.run(sandbox.baseUrl(), sandbox.clientApp().clientId(), sandbox.clientApp().clientSecret(),
				target.id());
	}

	@AfterAll
	static void stop() {
		if (sandbox != null) {
			sandbox.close();
		}
	}

	@Test
	void logsInWithClientCredentialsAsTheIntegrationUserWithOneTokenRequest() {
		assertThat(report.path("jsforceVersion").asString()).isEqualTo(JsforceProject.pinnedVersion());
		assertThat(report.path("instanceUrl").asString()).isEqualTo(sandbox.baseUrl());
		assertThat(report.path("userId").asString()).isEqualTo(sandbox.org().integrationUserId());
		assertThat(report.path("organizationId").asString()).isEqualTo(sandbox.org().orgId());
		assertThat(calls("POST", "/services/oauth2/token")).singleElement()
			.extracting(RequestLog.Entry::status)
			.isEqualTo(200);
		assertThat(sandbox.requests().entries()).allSatisfy((entry) -> assertThat(entry.status()).as(entry.toString())
			.isLessThan(400));
	}

	@Test
	void autoFetchReadsEveryUserOverTwoPages() {
		JsonNode users = report.path("users");
		assertThat(users.path("totalSize").asInt()).isEqualTo(before.users()).isEqualTo(2500);
		assertThat(users.path("done").asBoolean()).isTrue();
		assertThat(users.path("fetched").asInt()).isEqualTo(before.users());
		assertThat(users.path("distinctIds").asInt()).isEqualTo(before.users());
		assertThat(users.path("active").asInt()).isEqualTo(before.activeUsers());
		assertThat(counts(users.path("activeByLicense"))).isEqualTo(before.activeUsersByLicense());
		assertThat(users.path("pages").asInt()).isEqualTo(2);
		assertThat(queryMoreOffsets().get(0)).as("next-records calls of the user query").containsExactly(2000);
	}

	@Test
	void autoFetchHonoursTheBatchSizeOptionOverTheWholeLoginHistory() {
		JsonNode logins = report.path("loginHistory");
		long events = before.loginEvents();
		assertThat(events).isGreaterThan(2000);
		assertThat(logins.path("totalSize").asLong()).isEqualTo(events);
		assertThat(logins.path("fetched").asLong()).isEqualTo(events);
		assertThat(logins.path("distinctIds").asLong()).isEqualTo(events);
		assertThat(logins.path("byStatus").path("Success").asLong()).isEqualTo(before.successfulLogins());
		assertThat(logins.path("byStatus").path("Invalid Password").asLong()).isEqualTo(before.failedLogins());
		long pages = (events + 499) / 500;
		assertThat(logins.path("pages").asLong()).isEqualTo(pages);
		List<Integer> expected = IntStream.range(1, (int) pages).map((page) -> page * 500).boxed().toList();
		assertThat(queryMoreOffsets().get(1)).as("next-records calls of the login query").isEqualTo(expected);
	}

	@Test
	void limitsReportTheSandboxBudget() {
		JsonNode limits = report.path("limits");
		long max = sandbox.apiUsage().max();
		assertThat(limits.path("dailyApiRequestsMax").asLong()).isEqualTo(max);
		List<RequestLog.Entry> api = calls("", "/services/data/");
		int limitsCall = api.stream().map(RequestLog.Entry::pathAndQuery).toList().indexOf(API + "/limits");
		assertThat(limitsCall).isNotNegative();
		assertThat(limits.path("dailyApiRequestsRemaining").asLong()).isEqualTo(max - (limitsCall + 1));
		assertThat(limits.path("apiUsageHeader").path("limit").asLong()).isEqualTo(max);
		assertThat(limits.path("apiUsageHeader").path("used").asLong()).isEqualTo(sandbox.apiUsage().used())
			.isEqualTo(api.size());
	}

	@Test
	void theUserUpdateLandsInTheOrgAndReadsBack() {
		JsonNode update = report.path("update");
		assertThat(update.path("success").asBoolean()).isTrue();
		assertThat(update.path("id").asString()).isEqualTo(target.id());
		assertThat(update.path("isActive").asBoolean(true)).isFalse();
		assertThat(update.path("title").asString()).isEqualTo("Seat reclaimed by jsforce");
		assertThat(target.fieldValue("IsActive")).isEqualTo(false);
		assertThat(target.fieldValue("Title")).isEqualTo("Seat reclaimed by jsforce");
		assertThat(sandbox.facts().activeUsers()).isEqualTo(before.activeUsers() - 1);
		assertThat(calls("PATCH", API + "/sobjects/User/" + target.id())).singleElement()
			.extracting(RequestLog.Entry::status)
			.isEqualTo(204);
		assertThat(calls("GET", API + "/sobjects/User/" + target.id())).hasSize(1);
	}

	/** Logged requests with this method (any, when empty) whose path starts with the prefix. */
	static List<RequestLog.Entry> calls(String method, String prefix) {
		return sandbox.requests().entries().stream()
			.filter((entry) -> method.isEmpty() || entry.method().equals(method))
			.filter((entry) -> entry.pathAndQuery().startsWith(prefix))
			.toList();
	}

	/** The offsets of the {@code query/LOCATOR-OFFSET} calls, one list per query locator, in the order used. */
	static List<List<Integer>> queryMoreOffsets() {
		Map<String, List<Integer>> offsets = new LinkedHashMap<>();
		for (RequestLog.Entry call : calls("GET", API + "/query/")) {
			String locatorAndOffset = call.pathAndQuery().substring((API + "/query/").length());
			int dash = locatorAndOffset.lastIndexOf('-');
			offsets.computeIfAbsent(locatorAndOffset.substring(0, dash), (locator) -> new ArrayList<>())
				.add(Integer.valueOf(locatorAndOffset.substring(dash + 1)));
		}
		assertThat(offsets).as("query locators").hasSize(2);
		return List.copyOf(offsets.values());
	}

	static Map<String, Integer> counts(JsonNode object) {
		return object.properties().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().asInt()));
	}

}
