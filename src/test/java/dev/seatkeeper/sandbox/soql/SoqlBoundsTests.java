package dev.seatkeeper.sandbox.soql;

import static dev.seatkeeper.sandbox.soql.TestOrg.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.seatkeeper.sandbox.soql.SoqlQuery.Bound;

/** Key bounds the store uses to binary-search a sorted array before matching. */
class SoqlBoundsTests {

	@Test
	void keysetPagingConjunctGivesAnExclusiveLowerBound() {
		SoqlQuery query = parse("SELECT Id FROM User WHERE Id > '005000000000007' ORDER BY Id LIMIT 2000");

		assertThat(query.lowerBound("Id")).contains(new Bound("005000000000007", false));
		assertThat(query.lowerBound("id")).as("field matched case-insensitively").isPresent();
		assertThat(query.upperBound("Id")).isEmpty();
		assertThat(query.lowerBound("Name")).isEmpty();
	}

	@Test
	void datetimeWindowGivesBothBoundsAsInstants() {
		SoqlQuery query = parse("SELECT Id FROM LoginHistory WHERE LoginTime >= 2026-11-01T01:00:00+01:00"
				+ " AND Status = 'Success' AND LoginTime < 2026-11-02T00:00:00.000+0000");

		assertThat(query.lowerBound("LoginTime")).contains(new Bound(Instant.parse("2026-11-01T00:00:00Z"), true));
		assertThat(query.upperBound("LoginTime")).contains(new Bound(Instant.parse("2026-11-02T00:00:00Z"), false));
	}

	@Test
	void equalityBoundsBothSidesInclusively() {
		SoqlQuery query = parse("SELECT Id FROM User WHERE StartDate__c = 2026-03-01");

		assertThat(query.lowerBound("StartDate__c")).contains(new Bound(LocalDate.of(2026, 3, 1), true));
		assertThat(query.upperBound("StartDate__c")).contains(new Bound(LocalDate.of(2026, 3, 1), true));
	}

	@Test
	void tightestBoundWinsAndExclusiveBeatsInclusiveOnATie() {
		SoqlQuery query = parse("SELECT Id FROM User WHERE Logins__c > 3 AND Logins__c >= 5 AND Logins__c >= 2"
				+ " AND Logins__c <= 9 AND Logins__c < 9 AND Logins__c <= 12.5");

		assertThat(query.lowerBound("Logins__c")).contains(new Bound(BigDecimal.valueOf(5), true));
		assertThat(query.upperBound("Logins__c")).contains(new Bound(BigDecimal.valueOf(9), false));
	}

	@Test
	void conjunctsInsideParenthesizedAndsCount() {
		SoqlQuery query = parse("SELECT Id FROM User WHERE (Id > '005A' AND Name = 'x') AND Id < '005Z'");

		assertThat(query.lowerBound("Id")).contains(new Bound("005A", false));
		assertThat(query.upperBound("Id")).contains(new Bound("005Z", false));
	}

	@Test
	void comparisonsUnderOrOrNotOrAgainstNullGiveNoBound() {
		assertThat(parse("SELECT Id FROM User WHERE Id > '005A' OR Name = 'x'").lowerBound("Id")).isEmpty();
		assertThat(parse("SELECT Id FROM User WHERE NOT Id > '005A'").lowerBound("Id")).isEmpty();
		assertThat(parse("SELECT Id FROM User WHERE NOT (Id > '005A' AND Id < '005Z')").upperBound("Id")).isEmpty();
		assertThat(parse("SELECT Id FROM User WHERE Id = null").lowerBound("Id")).isEmpty();
		assertThat(parse("SELECT Id FROM User WHERE Id != '005A'").lowerBound("Id")).isEmpty();
		assertThat(parse("SELECT Id FROM User").upperBound("Id")).isEmpty();
	}

}
