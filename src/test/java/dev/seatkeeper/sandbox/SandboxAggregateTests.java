package dev.seatkeeper.sandbox;

import static dev.seatkeeper.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.RecordActivityFacts;
import dev.seatkeeper.sandbox.org.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The sandbox's CRM records and aggregate SOQL, held to Salesforce's rules and to the org's own facts. */
class SandboxAggregateTests {

	static final Instant NOW = Instant.parse("2026-11-25T14:03:07Z");

	static final Instant SINCE_90_DAYS = NOW.minus(Duration.ofDays(90));

	static Sandbox sandbox;

	static SandboxHttp http;

	@BeforeAll
	static void start() {
		sandbox = Sandbox.builder().users(2500).now(NOW).hideObject("Lead").build().start();
		http = new SandboxHttp(sandbox).login();
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void groupsByEditorWithUnaliasedAggregatesNamedExprInSelectOrder() {
		JsonNode answer = json(ok("SELECT LastModifiedById, MAX(LastModifiedDate), COUNT(Id) FROM Account WHERE"
				+ " LastModifiedDate >= " + SINCE_90_DAYS + " GROUP BY LastModifiedById"));
		RecordActivityFacts facts = sandbox.org().recordActivityFacts(SINCE_90_DAYS);
		Map<String, String> expected = new HashMap<>();
		facts.byUser().forEach((user, objects) -> {
			RecordActivityFacts.Activity account = objects.get("Account");
			if (account != null && account.modifiedLast90Days() > 0) {
				expected.put(user, RecordTimes.format(account.lastModified()) + " " + account.modifiedLast90Days());
			}
		});
		Map<String, String> actual = new HashMap<>();
		for (JsonNode row : answer.path("records")) {
			assertThat(row.path("attributes").path("type").asString()).isEqualTo("AggregateResult");
			assertThat(row.path("attributes").has("url")).isFalse();
			actual.put(row.path("LastModifiedById").asString(),
					row.path("expr0").asString() + " " + row.path("expr1").asInt());
		}
		assertThat(actual).isNotEmpty().isEqualTo(expected);
		assertThat(answer.path("totalSize").asInt()).isEqualTo(expected.size());
		assertThat(answer.path("done").asBoolean()).isTrue();
	}

	@Test
	void aliasesHavingAndOrderByAggregate() {
		JsonNode answer = json(ok("SELECT CreatedById, COUNT(Id) made FROM Project__c GROUP BY CreatedById"
				+ " HAVING COUNT(Id) > 5 ORDER BY COUNT(Id) DESC, CreatedById"));
		int previous = Integer.MAX_VALUE;
		assertThat(answer.path("records").size()).isPositive();
		for (JsonNode row : answer.path("records")) {
			int made = row.path("made").asInt();
			assertThat(made).isGreaterThan(5).isLessThanOrEqualTo(previous);
			assertThat(row.has("expr0")).isFalse();
			previous = made;
		}
	}

	@Test
	void moreThan2000GroupsCannotBeContinuedAndLimitKeepsThemToOneBatch() {
		assertThat(sandbox.org().crmRecords(OrgTypes.ACCOUNT).size()).isGreaterThan(2000);
		HttpResponse<String> refused = http.query("SELECT Id, MAX(CreatedDate) FROM Account GROUP BY Id");
		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode error = json(refused).get(0);
		assertThat(error.path("errorCode").asString()).isEqualTo("EXCEEDED_ID_LIMIT");
		assertThat(error.path("message").asString()).isEqualTo("Aggregate query does not support queryMore(), use"
				+ " LIMIT to restrict the results to a single batch");
		JsonNode limited = json(ok("SELECT Id, MAX(CreatedDate) FROM Account GROUP BY Id ORDER BY Id LIMIT 2000",
				"Sforce-Query-Options", "batchSize=200"));
		assertThat(limited.path("records").size()).isEqualTo(2000);
		assertThat(limited.path("done").asBoolean()).isTrue();
		assertThat(limited.has("nextRecordsUrl")).isFalse();
	}

	@Test
	void pagesByGroupKeyGiveWhatOneUnorderedAnswerGives() {
		String where = " FROM Contact WHERE LastModifiedDate < " + SINCE_90_DAYS;
		String groups = " GROUP BY LastModifiedById";
		for (String having : new String[] { "", " HAVING COUNT(Id) > 2" }) {
			Map<String, String> whole = groupRows(json(ok("SELECT LastModifiedById, MAX(LastModifiedDate), COUNT(Id)"
					+ where + groups + having)));
			Map<String, String> paged = new HashMap<>();
			String after = null;
			int pages = 0;
			do {
				String next = (after != null) ? " AND LastModifiedById > '" + after + "'" : "";
				JsonNode page = json(ok("SELECT LastModifiedById, MAX(LastModifiedDate), COUNT(Id)" + where + next
						+ groups + having + " ORDER BY LastModifiedById LIMIT 300"));
				Map<String, String> rows = groupRows(page);
				paged.putAll(rows);
				JsonNode records = page.path("records");
				after = (records.size() == 300) ? records.get(299).path("LastModifiedById").asString() : null;
				pages++;
			}
			while (after != null);
			assertThat(whole).hasSizeGreaterThan(300);
			assertThat(pages).isGreaterThan(1);
			assertThat(paged).as("pages" + having).isEqualTo(whole);
		}
	}

	private static Map<String, String> groupRows(JsonNode answer) {
		Map<String, String> rows = new HashMap<>();
		for (JsonNode row : answer.path("records")) {
			rows.put(row.path("LastModifiedById").asString(), row.path("expr0").asString() + " " + row.path("expr1").asInt());
		}
		return rows;
	}

	@Test
	void everySelectedFieldMustBeGroupedOrAggregated() {
		HttpResponse<String> refused = http.query("SELECT Name, MAX(CreatedDate) FROM Account GROUP BY CreatedById");
		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode error = json(refused).get(0);
		assertThat(error.path("errorCode").asString()).isEqualTo("MALFORMED_QUERY");
		assertThat(error.path("message").asString()).contains("Field must be grouped or aggregated: Name");
		HttpResponse<String> ordered = http.query("SELECT CreatedById FROM Account GROUP BY CreatedById ORDER BY Name");
		assertThat(json(ordered).get(0).path("message").asString())
			.contains("Ordered field must be grouped or aggregated: Name");
	}

	@Test
	void anAggregateWithoutGroupByAnswersOneRowEvenOverNoRecords() {
		JsonNode none = json(ok("SELECT COUNT(Id), MAX(CreatedDate) FROM Case WHERE CreatedDate > " + NOW));
		assertThat(none.path("records").size()).isEqualTo(1);
		assertThat(none.path("records").get(0).path("expr0").asInt()).isZero();
		assertThat(none.path("records").get(0).path("expr1").isNull()).isTrue();
	}

	@Test
	void anObjectTheUserMayNotReadIsNotThere() {
		HttpResponse<String> refused = http.query("SELECT CreatedById, COUNT(Id) FROM Lead GROUP BY CreatedById");
		assertThat(json(refused).get(0).path("errorCode").asString()).isEqualTo("INVALID_TYPE");
		Set<String> listed = new HashSet<>();
		json(http.get("/services/data/v62.0/sobjects")).path("sobjects")
			.forEach((object) -> listed.add(object.path("name").asString()));
		assertThat(listed).contains("Account", "Case", "Project__c").doesNotContain("Lead");
	}

	@Test
	void creatorsFollowTheirWayOfWorking() {
		RecordActivityFacts facts = sandbox.org().recordActivityFacts(NOW.minus(Duration.ofDays(3650)));
		int readers = 0;
		int coreOnly = 0;
		for (Row user : sandbox.org().table(OrgTypes.USER).rows()) {
			boolean fullSalesforce = "SFDC".equals(user.value("Profile.UserLicense.LicenseDefinitionKey"));
			boolean recentLogin = user.fieldValue("LastLoginDate") instanceof Instant last
					&& last.isAfter(NOW.minus(Duration.ofDays(30)));
			Map<String, RecordActivityFacts.Activity> objects = facts.byUser().getOrDefault(user.id(), Map.of());
			if (fullSalesforce && recentLogin && objects.isEmpty()) {
				readers++;
			}
			if (fullSalesforce && !objects.isEmpty()
					&& Set.of("Account", "Contact", "Project__c", "ContentVersion").containsAll(objects.keySet())) {
				coreOnly++;
			}
			if ("CsnOnly".equals(user.fieldValue("UserType"))) {
				assertThat(objects).as("Chatter Free users own no CRM records").isEmpty();
			}
		}
		assertThat(readers).as("active full Salesforce users who only read").isGreaterThan(50);
		assertThat(coreOnly).as("full Salesforce users who touch only what a Platform license covers")
			.isGreaterThan(50);
		int records = 0;
		for (var type : OrgTypes.CRM) {
			records += sandbox.org().crmRecords(type).size();
		}
		assertThat(records).as("about 20 records per user").isBetween(2500 * 12, 2500 * 30);
	}

	@Test
	void equalSpecsGiveEqualRecords() {
		var again = dev.seatkeeper.sandbox.org.OrgGenerator
			.generate(dev.seatkeeper.sandbox.org.OrgSpec.of(2500, NOW));
		assertThat(again.recordActivityFacts(SINCE_90_DAYS)).isEqualTo(sandbox.org().recordActivityFacts(SINCE_90_DAYS));
	}

	private static HttpResponse<String> ok(String soql, String... headers) {
		HttpResponse<String> response = http.query(soql, headers);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response;
	}

	/** Salesforce's datetime format. */
	static final class RecordTimes {

		static String format(Instant time) {
			return dev.seatkeeper.sandbox.query.RecordJson.DATETIME.format(time);
		}

	}

}
