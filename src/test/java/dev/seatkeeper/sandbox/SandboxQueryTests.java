package dev.seatkeeper.sandbox;

import static dev.seatkeeper.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.seatkeeper.sandbox.org.OrgFacts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SandboxQueryTests {

	static final Instant NOW = Instant.parse("2026-11-25T14:03:07Z");

	static Sandbox sandbox;

	static SandboxHttp http;

	@BeforeAll
	static void start() {
		sandbox = Sandbox.builder().users(2500).now(NOW).locatorIdleTimeout(Duration.ofSeconds(2)).build().start();
		http = new SandboxHttp(sandbox).login();
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void pagesFollowBatchSizeAndNextRecordsUrlUntilDone() {
		HttpResponse<String> first = http.query("SELECT Id, Username FROM User", "Sforce-Query-Options", "batchSize=500");
		JsonNode page = json(first);
		assertThat(page.path("totalSize").asInt()).isEqualTo(2500);
		assertThat(page.path("done").asBoolean()).isFalse();
		assertThat(page.path("nextRecordsUrl").asString()).matches("/services/data/v62\\.0/query/01g\\w{15}-500");
		Set<String> ids = new HashSet<>();
		int pages = 0;
		while (true) {
			pages++;
			page.path("records").forEach((r) -> ids.add(r.path("Id").asString()));
			assertThat(page.path("records").size()).isLessThanOrEqualTo(500);
			if (page.path("done").asBoolean()) {
				assertThat(page.has("nextRecordsUrl")).isFalse();
				break;
			}
			page = json(http.get(page.path("nextRecordsUrl").asString(), "Sforce-Query-Options", "batchSize=500"));
		}
		assertThat(pages).isEqualTo(5);
		assertThat(ids).hasSize(2500);
	}

	@Test
	void defaultPageIsTwoThousandAndSmallBatchSizesAreRaisedTo200() {
		assertThat(json(http.query("SELECT Id FROM User")).path("records").size()).isEqualTo(2000);
		assertThat(json(http.query("SELECT Id FROM User", "Sforce-Query-Options", "batchSize=10")).path("records").size())
			.isEqualTo(200);
	}

	@Test
	void recordsCarryAttributesNestedRelationshipsAndSalesforceDatetimes() {
		JsonNode record = json(http.query("SELECT Id, Username, IsActive, LastLoginDate, Profile.Name, "
				+ "Profile.UserLicense.LicenseDefinitionKey FROM User WHERE Id = '" + sandbox.org().integrationUserId() + "'"))
			.path("records")
			.get(0);
		assertThat(record.path("attributes").path("type").asString()).isEqualTo("User");
		assertThat(record.path("attributes").path("url").asString())
			.isEqualTo("/services/data/v62.0/sobjects/User/" + sandbox.org().integrationUserId());
		assertThat(record.path("LastLoginDate").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000\\+0000");
		assertThat(record.path("IsActive").isBoolean()).isTrue();
		assertThat(record.path("Profile").path("attributes").path("type").asString()).isEqualTo("Profile");
		assertThat(record.path("Profile").path("UserLicense").path("LicenseDefinitionKey").asString()).isEqualTo("SFDC");
	}

	@Test
	void neverLoggedInUsersHaveNullLastLoginAndCountQueriesOnlyTotal() {
		JsonNode count = json(http.query("SELECT COUNT() FROM User WHERE LastLoginDate = null"));
		assertThat(count.path("totalSize").asInt()).isEqualTo(sandbox.facts().neverLoggedIn());
		assertThat(count.path("records").size()).isZero();
		assertThat(count.path("done").asBoolean()).isTrue();
		JsonNode active = json(http.query("SELECT COUNT() FROM User WHERE IsActive = true"));
		assertThat(active.path("totalSize").asInt()).isEqualTo(sandbox.facts().activeUsers());
	}

	@Test
	void queryAllIncludesDeletedAssignments() {
		OrgFacts facts = sandbox.facts();
		int live = facts.assignmentsByPermissionSetLicense().values().stream().mapToInt(Integer::intValue).sum();
		assertThat(json(http.query("SELECT COUNT() FROM PermissionSetLicenseAssign")).path("totalSize").asInt())
			.isEqualTo(live);
		JsonNode all = json(http.get(SandboxHttp.V + "/queryAll?q="
				+ SandboxHttp.encode("SELECT Id, IsDeleted FROM PermissionSetLicenseAssign WHERE IsDeleted = true")));
		assertThat(all.path("totalSize").asInt()).isPositive();
		assertThat(all.path("records").get(0).path("IsDeleted").asBoolean()).isTrue();
	}

	@Test
	void keyedPagingOverLoginHistoryVisitsEveryEventOnce() {
		long total = sandbox.facts().loginEvents();
		List<String> seen = new ArrayList<>();
		String lastTime = null;
		String lastId = null;
		while (true) {
			String where = lastTime == null ? "" : " WHERE LoginTime > " + lastTime + " OR (LoginTime = " + lastTime
					+ " AND Id > '" + lastId + "')";
			JsonNode page = json(http.query("SELECT Id, UserId, LoginTime, Status FROM LoginHistory" + where
					+ " ORDER BY LoginTime, Id LIMIT 2000"));
			JsonNode records = page.path("records");
			if (records.isEmpty()) {
				break;
			}
			records.forEach((r) -> seen.add(r.path("Id").asString()));
			JsonNode last = records.get(records.size() - 1);
			lastTime = last.path("LoginTime").asString().replace(".000+0000", "Z");
			lastId = last.path("Id").asString();
		}
		assertThat(seen).hasSize((int) total).doesNotHaveDuplicates().isSorted();
	}

	@Test
	void partitionedWindowsPageConcurrentlyAndCoverTheHistory() throws Exception {
		Instant end = NOW.plusSeconds(1);
		Instant start = end.minus(Duration.ofDays(200));
		long step = Duration.between(start, end).getSeconds() / 4;
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<Integer>> counts = new ArrayList<>();
		for (int w = 0; w < 4; w++) {
			String from = start.plusSeconds(step * w).toString();
			String to = (w == 3 ? end : start.plusSeconds(step * (w + 1))).toString();
			counts.add(pool.submit(() -> {
				SandboxHttp client = new SandboxHttp(sandbox).login();
				JsonNode page = json(client.query("SELECT Id FROM LoginHistory WHERE LoginTime >= " + from
						+ " AND LoginTime < " + to, "Sforce-Query-Options", "batchSize=2000"));
				int seen = page.path("records").size();
				while (!page.path("done").asBoolean()) {
					page = json(client.get(page.path("nextRecordsUrl").asString()));
					seen += page.path("records").size();
				}
				return seen;
			}));
		}
		int total = 0;
		for (Future<Integer> count : counts) {
			total += count.get();
		}
		pool.shutdown();
		assertThat(total).isEqualTo((int) sandbox.facts().loginEvents());
	}

	@Test
	void orderByAnotherFieldSortsAndLimitApplies() {
		JsonNode page = json(http.query("SELECT Id, LastLoginDate FROM User WHERE LastLoginDate != null "
				+ "ORDER BY LastLoginDate DESC LIMIT 50"));
		assertThat(page.path("totalSize").asInt()).isEqualTo(50);
		List<String> times = new ArrayList<>();
		page.path("records").forEach((r) -> times.add(r.path("LastLoginDate").asString()));
		assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
	}

	@Test
	void badQueriesAreRefusedWithSalesforceErrorCodes() {
		HttpResponse<String> field = http.query("SELECT Foo FROM User");
		assertThat(field.statusCode()).isEqualTo(400);
		assertThat(json(field).get(0).path("errorCode").asString()).isEqualTo("INVALID_FIELD");
		// Campaign is an object the sandbox org does not have (it has Account and the other CRM objects).
		assertThat(json(http.query("SELECT Id FROM Campaign")).get(0).path("errorCode").asString()).isEqualTo("INVALID_TYPE");
		assertThat(json(http.query("SELEKT Id FROM User")).get(0).path("errorCode").asString()).isEqualTo("MALFORMED_QUERY");
		assertThat(http.get(SandboxHttp.V + "/query").statusCode()).isEqualTo(400);
	}

	@Test
	void idleLocatorsExpire() throws InterruptedException {
		JsonNode page = json(http.query("SELECT Id FROM User", "Sforce-Query-Options", "batchSize=200"));
		Thread.sleep(2500);
		HttpResponse<String> more = http.get(page.path("nextRecordsUrl").asString());
		assertThat(more.statusCode()).isEqualTo(400);
		assertThat(json(more).get(0).path("errorCode").asString()).isEqualTo("INVALID_QUERY_LOCATOR");
		assertThat(http.get(SandboxHttp.V + "/query/01gnonsense-200").statusCode()).isEqualTo(400);
	}

	@Test
	void namesKeepApostrophesAndNonAsciiLetters() {
		JsonNode page = json(http.query("SELECT Name FROM User WHERE LastName = 'O\\'Brien'"));
		assertThat(page.path("totalSize").asInt()).isPositive();
		assertThat(page.path("records").get(0).path("Name").asString()).contains("O'Brien");
		assertThat(json(http.query("SELECT COUNT() FROM User WHERE LastName = '李'")).path("totalSize").asInt())
			.isPositive();
	}

}
