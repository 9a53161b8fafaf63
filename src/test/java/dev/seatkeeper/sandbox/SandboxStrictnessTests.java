package dev.seatkeeper.sandbox;

import static dev.seatkeeper.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Smaller refusals Salesforce makes and a lenient sandbox would hide: AND and OR mixed without parentheses, composite
 * records without {@code attributes.type}, smaller pages than asked for when rows are wide, and row locks in
 * composite results.
 */
class SandboxStrictnessTests {

	static final Instant NOW = Instant.parse("2026-11-25T14:03:07Z");

	Sandbox sandbox;

	SandboxHttp http;

	@BeforeEach
	void start() {
		this.sandbox = Sandbox.builder().users(2500).now(NOW).build().start();
		this.http = new SandboxHttp(this.sandbox).login();
	}

	@AfterEach
	void stop() {
		this.sandbox.close();
	}

	@Test
	void mixedAndOrWithoutParenthesesIsMalformed() {
		HttpResponse<String> mixed = this.http.query("SELECT Id FROM User WHERE IsActive = true AND UserType = 'Standard' "
				+ "OR Username LIKE 'a%'");
		HttpResponse<String> grouped = this.http.query("SELECT Id FROM User WHERE IsActive = true AND (UserType = "
				+ "'Standard' OR Username LIKE 'a%')");

		assertThat(mixed.statusCode()).isEqualTo(400);
		assertThat(json(mixed).get(0).path("errorCode").asString()).isEqualTo("MALFORMED_QUERY");
		assertThat(json(mixed).get(0).path("message").asString()).contains("ERROR at Row:1:Column:")
			.endsWith("unexpected token: 'OR'");
		assertThat(grouped.statusCode()).isEqualTo(200);
	}

	@Test
	void compositeRecordsWithoutATypeAreRefusedAndNothingIsWritten() {
		Row user = this.sandbox.org().table(OrgTypes.USER).rows().stream()
			.filter(u -> Boolean.TRUE.equals(u.fieldValue("IsActive")))
			.skip(10)
			.findFirst()
			.orElseThrow();
		String typed = "{\"attributes\":{\"type\":\"User\"},\"id\":\"" + user.id() + "\",\"IsActive\":false}";
		String untyped = "{\"id\":\"" + user.id() + "\",\"IsActive\":false}";

		HttpResponse<String> refused = this.http.patch(SandboxHttp.V + "/composite/sobjects",
				"{\"allOrNone\":false,\"records\":[" + typed + "," + untyped + "]}");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json(refused).get(0).path("errorCode").asString()).isEqualTo("INVALID_TYPE");
		assertThat(json(refused).get(0).path("message").asString()).isEqualTo("Must send a concrete entity type.");
		assertThat(user.fieldValue("IsActive")).isEqualTo(true);
		assertThat(this.sandbox.org().writer().journal().entries()).isEmpty();
	}

	@Test
	void wideSelectsGetSmallerPagesThanAskedForAndStillReachEveryRecord() {
		String narrow = "SELECT Id, Username, Email, Name, UserType, IsActive, LastLoginDate, CreatedDate, "
				+ "SystemModstamp, Profile.Name, Profile.UserLicense.LicenseDefinitionKey FROM User";
		String wide = "SELECT Id, Username, FirstName, LastName, Name, Email, Alias, CommunityNickname, Title, "
				+ "Department, UserType, TimeZoneSidKey, LanguageLocaleKey, IsActive, LastLoginDate, CreatedDate, "
				+ "LastModifiedDate, SystemModstamp, Profile.Name, Profile.UserLicense.LicenseDefinitionKey, "
				+ "Profile.UserLicense.Name, UserPermissionsMarketingUser, UserPermissionsSupportUser, "
				+ "UserPermissionsKnowledgeUser, UserPermissionsSFContentUser, UserPermissionsInteractionUser FROM User";

		JsonNode narrowPage = json(this.http.query(narrow));
		JsonNode widePage = json(this.http.query(wide, "Sforce-Query-Options", "batchSize=2000"));

		assertThat(narrowPage.path("records").size()).isEqualTo(2000);
		assertThat(widePage.path("records").size()).as("26 fields: 40,000 / 26").isEqualTo(1538);
		assertThat(widePage.path("nextRecordsUrl").asString()).endsWith("-1538");
		JsonNode rest = json(this.http.get(widePage.path("nextRecordsUrl").asString()));
		assertThat(rest.path("records").size()).isEqualTo(2500 - 1538);
		assertThat(rest.path("done").asBoolean()).isTrue();
	}

	@Test
	void rowLocksAnswerUnableToLockRowPerRecordAndChangeNothing() {
		List<Row> users = this.sandbox.org().table(OrgTypes.USER).rows().stream()
			.filter(u -> Boolean.TRUE.equals(u.fieldValue("IsActive")))
			.skip(10)
			.limit(3)
			.toList();
		this.sandbox.faults().lockNextRecords(1).lockRecord(users.get(2).id());
		StringBuilder records = new StringBuilder();
		users.forEach(u -> records.append(records.isEmpty() ? "" : ",")
			.append("{\"attributes\":{\"type\":\"User\"},\"id\":\"").append(u.id()).append("\",\"IsActive\":false}"));

		JsonNode results = json(this.http.patch(SandboxHttp.V + "/composite/sobjects",
				"{\"allOrNone\":false,\"records\":[" + records + "]}"));

		assertThat(results.get(0).path("success").asBoolean()).isFalse();
		assertThat(results.get(0).has("id")).isFalse();
		assertThat(results.get(0).path("errors").get(0).path("statusCode").asString()).isEqualTo("UNABLE_TO_LOCK_ROW");
		assertThat(results.get(0).path("errors").get(0).path("message").asString())
			.startsWith("unable to obtain exclusive access to this record or 1 records: ");
		assertThat(results.get(1).path("success").asBoolean()).isTrue();
		assertThat(results.get(2).path("errors").get(0).path("statusCode").asString()).isEqualTo("UNABLE_TO_LOCK_ROW");
		assertThat(users.get(0).fieldValue("IsActive")).isEqualTo(true);
		assertThat(users.get(1).fieldValue("IsActive")).isEqualTo(false);
		assertThat(users.get(2).fieldValue("IsActive")).isEqualTo(true);
	}

}
