package dev.seatkeeper.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import dev.seatkeeper.storage.Unstorable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A User record's fields against Salesforce's lengths in characters, and times a database can hold. */
class UserFieldLimitsTests {

	private static final String EMOJI = "\uD83D\uDE00";

	@Test
	void lengthsCountCharactersNotUtf16Units() {
		SalesforceUser eighty = UserMapper.map(user(EMOJI.repeat(67) + "@acme.example", "2026-11-25T14:03:07.000+0000"));
		SalesforceUser eightyOne = UserMapper.map(user(EMOJI.repeat(68) + "@acme.example", "2026-11-25T14:03:07.000+0000"));

		assertThat(eighty.isStorable()).as("80 characters, 147 UTF-16 units").isTrue();
		assertThat(eightyOne.unstorable()).containsExactly(new Unstorable("Username",
				"Username is 81 characters long; Salesforce allows 80"));
	}

	@Test
	void aBrokenOrUnstorableTimeMarksTheUserInsteadOfFailingThePage() {
		SalesforceUser broken = UserMapper.map(user("zoe@acme.example", "2026-13-45T99:00:00.000+0000"));
		SalesforceUser farFuture = UserMapper.map(user("zoe@acme.example", "+10000-01-01T00:00:00.000+0000"));
		SalesforceUser fine = UserMapper.map(user("zoe@acme.example", "2026-11-25T14:03:07.000+0000"));

		assertThat(broken.unstorable()).singleElement().satisfies(problem -> {
			assertThat(problem.field()).isEqualTo("LastLoginDate");
			assertThat(problem.reason()).startsWith("LastLoginDate is not a Salesforce date and time");
		});
		assertThat(farFuture.unstorable()).containsExactly(new Unstorable("LastLoginDate",
				"LastLoginDate is in the year 10000, outside the years 1000 to 9999 a database can store"));
		assertThat(fine.isStorable()).isTrue();
		assertThat(fine.lastLoginDate()).isEqualTo(Instant.parse("2026-11-25T14:03:07Z"));
		assertThat(fine.name()).isEqualTo("Zoë 李 Müller");
	}

	private static JsonNode user(String username, String lastLogin) {
		return JsonMapper.builder().build().createObjectNode()
			.put("Id", "005000000000001AAA")
			.put("Username", username)
			.put("Email", "zoe@acme.example")
			.put("Name", "Zoë 李 Müller")
			.put("UserType", "Standard")
			.put("IsActive", true)
			.put("LastLoginDate", lastLogin)
			.put("CreatedDate", "2025-01-02T03:04:05.000+0000")
			.put("SystemModstamp", "2026-11-25T14:03:07.000+0000");
	}

}
