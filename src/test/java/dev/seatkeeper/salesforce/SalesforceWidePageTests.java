package dev.seatkeeper.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.fault.RequestLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code batchSize} is a hint: Salesforce sends smaller pages for wide rows. A keyed walk whose LIMIT is spread over
 * several short pages must still read every record once and issue the next keyed query only after the LIMIT is used.
 */
class SalesforceWidePageTests {

	static final Instant NOW = Instant.parse("2026-11-25T14:03:07Z");

	static final List<String> WIDE = List.of("Id", "Username", "FirstName", "LastName", "Name", "Email", "Alias",
			"CommunityNickname", "Title", "Department", "UserType", "TimeZoneSidKey", "LanguageLocaleKey", "IsActive",
			"LastLoginDate", "CreatedDate", "LastModifiedDate", "SystemModstamp", "Profile.Name",
			"Profile.UserLicense.LicenseDefinitionKey", "Profile.UserLicense.Name", "UserPermissionsMarketingUser",
			"UserPermissionsSupportUser", "UserPermissionsKnowledgeUser", "UserPermissionsSFContentUser",
			"UserPermissionsInteractionUser");

	static Sandbox sandbox;

	@BeforeAll
	static void start() {
		sandbox = Sandbox.builder().users(5000).now(NOW).build().start();
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void aKeyedWalkOverShortPagesReadsEveryRecordOnce() {
		KeyedCursor cursor = SandboxClients.connect(sandbox).keyedCursor(KeyedQuery.byId("User", WIDE, null, 2000), null);
		sandbox.requests().clear();
		List<Integer> pageSizes = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (List<JsonNode> page = cursor.nextPage(); !page.isEmpty(); page = cursor.nextPage()) {
			pageSizes.add(page.size());
			page.forEach(record -> assertThat(ids.add(record.path("Id").asString())).as("read once").isTrue());
		}

		assertThat(ids).hasSize(5000);
		assertThat(pageSizes).as("pages of 1,538 at most, a keyed query of 2,000 in two pages")
			.containsExactly(1538, 462, 1538, 462, 1000);
		List<String> calls = sandbox.requests().entries().stream().map(RequestLog.Entry::pathAndQuery).toList();
		assertThat(calls).filteredOn(call -> call.contains("/query?q=")).as("one keyed query per 2,000 records").hasSize(3);
	}

}
