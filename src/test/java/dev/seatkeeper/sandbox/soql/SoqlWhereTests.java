package dev.seatkeeper.sandbox.soql;

import static dev.seatkeeper.sandbox.soql.TestOrg.namesMatching;
import static dev.seatkeeper.sandbox.soql.TestOrg.parse;
import static dev.seatkeeper.sandbox.soql.TestOrg.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** WHERE semantics: operators, precedence, NOT, IN, LIKE, nulls and the Salesforce way of comparing each type. */
class SoqlWhereTests {

	private static final SoqlRecord ADA = record("Name", "Ada", "IsActive", true, "Logins__c", 10);

	private static final SoqlRecord BOB = record("Name", "Bob", "IsActive", false, "Logins__c", 0);

	private static final SoqlRecord CY = record("Name", "Cy", "IsActive", true, "Logins__c", 0);

	private static final SoqlRecord NOBODY = record("Name", null, "IsActive", false, "Logins__c", null);

	private static Object[] where(String condition) {
		return namesMatching(parse("SELECT Name FROM User WHERE " + condition), ADA, BOB, CY, NOBODY).toArray();
	}

	@Test
	void andAndOrMixWithParentheses() {
		assertThat(where("Name = 'Bob' OR (IsActive = true AND Logins__c > 5)")).containsExactly("Ada", "Bob");
		assertThat(where("(IsActive = true AND Logins__c > 5) OR Name = 'Bob'")).containsExactly("Ada", "Bob");
		assertThat(where("Name = 'Bob' OR Name = 'Cy' OR Name = 'Ada'")).containsExactly("Ada", "Bob", "Cy");
	}

	@Test
	void parenthesesOverridePrecedence() {
		assertThat(where("(Name = 'Bob' OR IsActive = true) AND Logins__c = 0")).containsExactly("Bob", "Cy");
		assertThat(where("((Name = 'Bob'))")).containsExactly("Bob");
	}

	@Test
	void notNegatesTheNextOperandOrAParenthesizedExpression() {
		assertThat(where("NOT Name = 'Bob' AND IsActive = true")).containsExactly("Ada", "Cy");
		assertThat(where("NOT (Name = 'Bob' OR IsActive = true)")).containsExactly((Object) null);
		assertThat(where("NOT NOT Name = 'Bob'")).containsExactly("Bob");
	}

	@Test
	void everyComparisonOperatorOnNumbers() {
		assertThat(where("Logins__c = 0")).containsExactly("Bob", "Cy");
		assertThat(where("Logins__c != 0")).containsExactly("Ada", null);
		assertThat(where("Logins__c <> 0")).containsExactly("Ada", null);
		assertThat(where("Logins__c < 10")).containsExactly("Bob", "Cy");
		assertThat(where("Logins__c <= 10")).containsExactly("Ada", "Bob", "Cy");
		assertThat(where("Logins__c > 0")).containsExactly("Ada");
		assertThat(where("Logins__c >= 0")).containsExactly("Ada", "Bob", "Cy");
		assertThat(where("Logins__c > 9.5")).containsExactly("Ada");
	}

	@Test
	void numbersCompareByValueWhateverTheirBoxedType() {
		SoqlQuery query = parse("SELECT Id FROM User WHERE Score__c = 0.1");

		assertThat(query.matches(record("Score__c", 0.1d))).isTrue();
		assertThat(query.matches(record("Score__c", new BigDecimal("0.100")))).isTrue();
		assertThat(query.matches(record("Score__c", 0.2f))).isFalse();
		assertThat(parse("SELECT Id FROM User WHERE Logins__c = 3").matches(record("Logins__c", 3L))).isTrue();
		assertThat(parse("SELECT Id FROM User WHERE Score__c < 3").matches(record("Score__c", 2.5d))).isTrue();
	}

	@Test
	void nullLiteralMatchesOnlyNullAndOrderingAgainstNullIsFalse() {
		assertThat(where("Name = null")).containsExactly((Object) null);
		assertThat(where("Name != null")).containsExactly("Ada", "Bob", "Cy");
		assertThat(where("Logins__c < 100")).doesNotContainNull();
		assertThat(where("Logins__c >= -100")).doesNotContainNull();
		assertThat(where("Logins__c < null")).isEmpty();
	}

	@Test
	void notEqualsKeepsNullValuesAsSalesforceDoes() {
		assertThat(where("Name != 'Bob'")).containsExactly("Ada", "Cy", null);
	}

	@Test
	void stringEqualityAndOrderingIgnoreCase() {
		assertThat(where("Name = 'ADA'")).containsExactly("Ada");
		assertThat(where("Name != 'ada'")).containsExactly("Bob", "Cy", null);
		assertThat(where("Name > 'b'")).containsExactly("Bob", "Cy");
		assertThat(where("Name IN ('bob', 'CY')")).containsExactly("Bob", "Cy");
	}

	@Test
	void idsCompareByTheirExactCharacters() {
		SoqlQuery equal = parse("SELECT Id FROM User WHERE Id = '005000000000001AAA'");
		SoqlQuery after = parse("SELECT Id FROM User WHERE Id > '005000000000001AAA'");

		assertThat(equal.matches(record("Id", "005000000000001AAA"))).isTrue();
		assertThat(equal.matches(record("Id", "005000000000001aaa"))).isFalse();
		assertThat(after.matches(record("Id", "005000000000002AAA"))).isTrue();
		assertThat(after.matches(record("Id", "005000000000001aaa"))).as("lower case sorts after upper case").isTrue();
		assertThat(after.matches(record("Id", "005000000000001AAA"))).isFalse();
	}

	@Test
	void inAndNotInWithStringsNumbersAndNull() {
		assertThat(where("Logins__c IN (10, 99)")).containsExactly("Ada");
		assertThat(where("Logins__c NOT IN (10, 99)")).containsExactly("Bob", "Cy", null);
		assertThat(where("Logins__c NOT IN (10, null)")).containsExactly("Bob", "Cy");
		assertThat(where("Name IN ('Ada', null)")).containsExactly("Ada", null);
		assertThat(where("NOT Name IN ('Ada')")).containsExactly("Bob", "Cy", null);
		assertThat(where("Name In ('x')")).isEmpty();
	}

	@Test
	void likeMatchesWildcardsCaseInsensitively() {
		SoqlQuery prefix = parse("SELECT Id FROM User WHERE Name LIKE 'o\\'b%'");
		SoqlQuery single = parse("SELECT Id FROM User WHERE Name LIKE 'b_b'");
		SoqlQuery inner = parse("SELECT Id FROM User WHERE Name like '%an%a%'");

		assertThat(prefix.matches(record("Name", "O'Brien"))).isTrue();
		assertThat(prefix.matches(record("Name", "O'B"))).isTrue();
		assertThat(prefix.matches(record("Name", "OBrien"))).isFalse();
		assertThat(single.matches(record("Name", "BOB"))).isTrue();
		assertThat(single.matches(record("Name", "Boob"))).isFalse();
		assertThat(single.matches(record("Name", "Bo"))).isFalse();
		assertThat(inner.matches(record("Name", "Banana"))).isTrue();
		assertThat(inner.matches(record("Name", "Bandit"))).isFalse();
		assertThat(inner.matches(record("Name", null))).isFalse();
	}

	@Test
	void likeEscapesMatchLiteralPercentAndUnderscore() {
		SoqlQuery percent = parse("SELECT Id FROM User WHERE Name LIKE '100\\%%'");
		SoqlQuery underscore = parse("SELECT Id FROM User WHERE Name LIKE 'a\\_b'");

		assertThat(percent.matches(record("Name", "100% sure"))).isTrue();
		assertThat(percent.matches(record("Name", "1000 sure"))).isFalse();
		assertThat(underscore.matches(record("Name", "a_b"))).isTrue();
		assertThat(underscore.matches(record("Name", "axb"))).isFalse();
	}

	@Test
	void relationshipPathsAreReadFromTheRecord() {
		SoqlQuery query = parse("SELECT Id FROM User WHERE Profile.UserLicense.LicenseDefinitionKey = 'sfdc'");

		assertThat(query.matches(record("Profile.UserLicense.LicenseDefinitionKey", "SFDC"))).isTrue();
		assertThat(query.matches(record("Profile.UserLicense.LicenseDefinitionKey", null))).isFalse();
	}

	@Test
	void datetimesCompareAsInstantsWhateverTheLiteralOffset() {
		SoqlQuery query = parse("SELECT Id FROM User WHERE LastLoginDate >= 2026-11-25T15:00:00+01:00"
				+ " AND LastLoginDate < 2026-11-25T14:00:01.000+0000");

		assertThat(query.matches(record("LastLoginDate", Instant.parse("2026-11-25T14:00:00Z")))).isTrue();
		assertThat(query.matches(record("LastLoginDate", Instant.parse("2026-11-25T13:59:59Z")))).isFalse();
		assertThat(query.matches(record("LastLoginDate", Instant.parse("2026-11-25T14:00:01Z")))).isFalse();
		assertThat(query.matches(record("LastLoginDate", null))).isFalse();
	}

	@Test
	void datesCompareAsLocalDates() {
		SoqlQuery query = parse("SELECT Id FROM User WHERE StartDate__c < 2026-01-01");

		assertThat(query.matches(record("StartDate__c", LocalDate.of(2025, 12, 31)))).isTrue();
		assertThat(query.matches(record("StartDate__c", LocalDate.of(2026, 1, 1)))).isFalse();
	}

	@Test
	void booleanLiteralsAreCaseInsensitive() {
		assertThat(where("IsActive = FALSE")).containsExactly("Bob", null);
		assertThat(where("IsActive != tRuE")).containsExactly("Bob", null);
	}

}
