package dev.seatkeeper.sandbox.soql;

import static dev.seatkeeper.sandbox.soql.TestOrg.parse;
import static dev.seatkeeper.sandbox.soql.TestOrg.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The shape of a parsed query: select list, COUNT(), LIMIT, keywords and whitespace, and literal decoding. */
class SoqlParserTests {

	@Test
	void selectListKeepsFieldPathsAsWrittenAndTheObjectName() {
		SoqlQuery query = parse("SELECT Id, Name, Profile.UserLicense.LicenseDefinitionKey FROM User");

		assertThat(query.objectName()).isEqualTo("User");
		assertThat(query.fields()).containsExactly("Id", "Name", "Profile.UserLicense.LicenseDefinitionKey");
		assertThat(query.isCount()).isFalse();
		assertThat(query.limit()).isEmpty();
		assertThat(query.ordering()).isEmpty();
		assertThat(query.matches(record("Name", "anyone"))).isTrue();
	}

	@Test
	void keywordsFieldsAndObjectsAreCaseInsensitiveAndWhitespaceMayBeAnywhere() {
		SoqlQuery query = parse("\n  select\tid ,NAME\r\n from   user\n where\n isactive = TRUE\n order by name desc"
				+ "\n limit\n 5 \n");

		assertThat(query.objectName()).isEqualTo("user");
		assertThat(query.fields()).containsExactly("id", "NAME");
		assertThat(query.limit()).hasValue(5);
		assertThat(query.matches(record("IsActive", true))).isTrue();
		assertThat(query.matches(record("IsActive", false))).isFalse();
	}

	@Test
	void countQueryHasNoFields() {
		SoqlQuery query = parse("SELECT count() FROM LoginHistory WHERE Status = 'Success' LIMIT 0");

		assertThat(query.isCount()).isTrue();
		assertThat(query.fields()).isEmpty();
		assertThat(query.limit()).hasValue(0);
	}

	@Test
	void escapedQuotesStayInsideTheLiteral() {
		SoqlQuery obrien = parse("SELECT Id FROM User WHERE Name = 'O\\'Brien'");
		SoqlQuery injection = parse("SELECT Id FROM User WHERE Name = 'x\\' OR Name != \\'y'");

		assertThat(obrien.matches(record("Name", "O'Brien"))).isTrue();
		assertThat(obrien.matches(record("Name", "OBrien"))).isFalse();
		assertThat(injection.matches(record("Name", "x' OR Name != 'y"))).isTrue();
		assertThat(injection.matches(record("Name", "x"))).isFalse();
		assertThat(injection.matches(record("Name", "z"))).isFalse();
	}

	@Test
	void salesforceStringEscapesAreDecoded() {
		SoqlQuery query = parse("SELECT Id FROM User WHERE Name = 'a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u00e9'");

		assertThat(query.matches(record("Name", "a\"b\\c\nd\re\tf\bg\fh\u00e9"))).isTrue();
		assertThat(query.matches(record("Name", "a\"b\\c d e f g h\u00e9"))).isFalse();
	}

	@Test
	void likeWildcardEscapesKeepTheirBackslashOutsideLike() {
		SoqlQuery query = parse("SELECT Id FROM User WHERE Name = '100\\%'");

		assertThat(query.matches(record("Name", "100\\%"))).isTrue();
		assertThat(query.matches(record("Name", "100%"))).isFalse();
	}

	@Test
	void numberLiteralsMayBeNegativeOrDecimal() {
		assertThat(parse("SELECT Id FROM User WHERE Logins__c = -3").matches(record("Logins__c", -3))).isTrue();
		assertThat(parse("SELECT Id FROM User WHERE Score__c = -0.25").matches(record("Score__c", -0.25))).isTrue();
		assertThat(parse("SELECT Id FROM User WHERE Score__c = 12345678901234567890.5")
			.matches(record("Score__c", new java.math.BigDecimal("12345678901234567890.50")))).isTrue();
	}

	@Test
	void dateAndDatetimeLiteralsInEveryWrittenForm() {
		Instant instant = Instant.parse("2026-11-25T14:03:07Z");
		String[] sameInstant = { "2026-11-25T14:03:07Z", "2026-11-25T14:03:07.000+0000", "2026-11-25T15:03:07+01:00",
				"2026-11-25T09:03:07-05:00", "2026-11-25T15:03:07.000+0100" };

		for (String literal : sameInstant) {
			assertThat(parse("SELECT Id FROM User WHERE LastLoginDate = " + literal)
				.matches(record("LastLoginDate", instant))).as(literal).isTrue();
		}
		assertThat(parse("SELECT Id FROM User WHERE StartDate__c = 2026-11-25")
			.matches(record("StartDate__c", LocalDate.of(2026, 11, 25)))).isTrue();
	}

	@Test
	void fractionalSecondsAreKept() {
		SoqlQuery query = parse("SELECT Id FROM User WHERE LastLoginDate > 2026-11-25T14:03:07.500Z");

		assertThat(query.matches(record("LastLoginDate", Instant.parse("2026-11-25T14:03:07.600Z")))).isTrue();
		assertThat(query.matches(record("LastLoginDate", Instant.parse("2026-11-25T14:03:07.400Z")))).isFalse();
	}

	@Test
	void parsedQueryIsSharedSafelyAcrossThreads() throws Exception {
		SoqlQuery query = parse("SELECT Id FROM User WHERE Name LIKE 'a%z' AND Logins__c IN (1, 2, 3)");
		SoqlRecord hit = record("Name", "abcz", "Logins__c", 2);
		SoqlRecord miss = record("Name", "abcy", "Logins__c", 2);

		long mismatches = java.util.stream.IntStream.range(0, 20_000)
			.parallel()
			.filter((i) -> query.matches((i % 2 == 0) ? hit : miss) != (i % 2 == 0))
			.count();

		assertThat(mismatches).isZero();
	}

}
