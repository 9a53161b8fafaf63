package dev.seatkeeper.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SalesforceRecordsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<JsonNode> users = records("query-users-page1.json", "query-users-page2.json");

	@Test
	void parsesSalesforceDatetimes() {
		assertThat(SalesforceRecords.instant(this.users.get(0), "LastLoginDate"))
			.isEqualTo(Instant.parse("2026-11-25T14:03:07Z"));
		assertThat(SalesforceRecords.instant(this.users.get(1), "LastLoginDate")).isNull();
		assertThat(SalesforceRecords.parseInstant("2026-11-25T14:03:07.000+0100"))
			.isEqualTo(Instant.parse("2026-11-25T13:03:07Z"));
		assertThat(SalesforceRecords.parseInstant("2026-11-25T14:03:07Z")).isEqualTo(Instant.parse("2026-11-25T14:03:07Z"));
		assertThat(SalesforceRecords.parseInstant(null)).isNull();
	}

	@Test
	void readsTheUsualUtcFormAsTheFormatterDoes() {
		assertThat(SalesforceRecords.parseInstant("2028-02-29T23:59:59.123+0000"))
			.isEqualTo(Instant.parse("2028-02-29T23:59:59.123Z"));
		assertThat(SalesforceRecords.parseInstant("1999-01-01T00:00:00.000+0000")).isEqualTo(Instant.parse("1999-01-01T00:00:00Z"));
		assertThat(SalesforceRecords.parseInstant("2026-11-25T14:03:07.000-0130"))
			.isEqualTo(Instant.parse("2026-11-25T15:33:07Z"));
		assertThatExceptionOfType(DateTimeException.class)
			.isThrownBy(() -> SalesforceRecords.parseInstant("2026-13-25T14:03:07.000+0000"));
		assertThatExceptionOfType(DateTimeException.class)
			.isThrownBy(() -> SalesforceRecords.parseInstant("2026-1x-25T14:03:07.000+0000"));
	}

	@Test
	void followsRelationshipPathsWhereAnyLevelMayBeNull() {
		String path = "Profile.UserLicense.LicenseDefinitionKey";

		assertThat(SalesforceRecords.text(this.users.get(0), path)).isEqualTo("SFDC");
		assertThat(SalesforceRecords.text(this.users.get(1), path)).as("Profile null").isNull();
		assertThat(SalesforceRecords.text(this.users.get(2), path)).as("UserLicense null").isNull();
		assertThat(SalesforceRecords.text(this.users.get(0), "Profile.Missing.Field")).isNull();
		assertThat(SalesforceRecords.path(this.users.get(2), path).isMissingNode()).isTrue();
	}

	@Test
	void readsScalarsAndIgnoresAttributes() {
		JsonNode ana = this.users.get(0);

		assertThat(SalesforceRecords.text(ana, "Username")).isEqualTo("ana.o'brien@acme.com");
		assertThat(SalesforceRecords.bool(ana, "IsActive")).isTrue();
		assertThat(SalesforceRecords.bool(this.users.get(2), "IsActive")).isFalse();
		assertThat(SalesforceRecords.text(ana, "attributes.type")).isNull();
		assertThat(SalesforceRecords.text(ana, "Profile.attributes.type")).isNull();
		assertThat(SalesforceRecords.number(ana, "Missing")).isNull();
	}

	@Test
	void readsQueryPageCursorFields() {
		List<String> heard = new ArrayList<>();
		QueryPage page = QueryPage.read(JSON, resource("query-users-page1.json"), heard::add);

		assertThat(page.totalSize()).isEqualTo(3);
		assertThat(page.nextRecordsUrl()).isEqualTo("/services/data/v62.0/query/01gD0000002HU6KIAW-2");
		assertThat(page.hasNext()).isTrue();
		assertThat(heard).containsExactly("/services/data/v62.0/query/01gD0000002HU6KIAW-2");
	}

	@Test
	void hearsOfTheNextPageBeforeTheRecordsHaveArrived() {
		String head = "{\"totalSize\":4000,\"done\":false,\"nextRecordsUrl\":\"/services/data/v62.0/query/01g-2000\","
				+ "\"records\":[{\"Id\":\"005000000000001AAA\"},{\"Id\":";
		List<String> heard = new ArrayList<>();

		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> QueryPage
			.read(JSON, new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), heard::add));
		assertThat(heard).containsExactly("/services/data/v62.0/query/01g-2000");
	}

	@Test
	void aLastPageNamesNoNextPage() {
		String last = "{\"totalSize\":1,\"done\":true,\"records\":[{\"Id\":\"005000000000001AAA\"}],\"extra\":{\"a\":[1]}}";
		List<String> heard = new ArrayList<>();

		QueryPage page = QueryPage.read(JSON, new ByteArrayInputStream(last.getBytes(StandardCharsets.UTF_8)), heard::add);

		assertThat(page.hasNext()).isFalse();
		assertThat(page.records()).hasSize(1);
		assertThat(heard).isEmpty();
	}

	@Test
	void anAnswerThatIsNoObjectIsUnreadable() {
		assertThatExceptionOfType(SalesforceApiException.class)
			.isThrownBy(() -> QueryPage.read(JSON, new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8)),
					(url) -> {
					}))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("UNREADABLE_RESPONSE"));
	}

	private static List<JsonNode> records(String... resources) {
		return Arrays.stream(resources)
			.flatMap((resource) -> QueryPage.read(JSON, resource(resource), (url) -> {
			}).records().stream())
			.toList();
	}

	private static InputStream resource(String name) {
		return SalesforceRecordsTests.class.getResourceAsStream("/salesforce/" + name);
	}

}
