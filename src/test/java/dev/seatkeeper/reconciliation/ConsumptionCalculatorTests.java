package dev.seatkeeper.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.profile.ConsumptionEntitlement;
import dev.seatkeeper.profile.Entitlement.BillingPeriod;
import dev.seatkeeper.reconciliation.ConsumptionPosition.Status;
import org.junit.jupiter.api.Test;

class ConsumptionCalculatorTests {

	// Ten days into a thirty-day November (from Nov 1 00:00 to Nov 11 00:00 UTC).
	final ConsumptionCalculator calculator = new ConsumptionCalculator(Instant.parse("2026-11-11T00:00:00Z"));

	@Test
	void useIsProjectedLinearlyFromThePeriodStartToItsEnd() {
		ConsumptionPosition position = only(reading("PlatformEvents", "1000", "400"));

		assertThat(position.projected()).isEqualByComparingTo("1200");
		assertThat(position.status()).isEqualTo(Status.PROJECTED_OVER);
		assertThat(position.allowedFrom()).isEqualTo("SALESFORCE");
	}

	@Test
	void useBelowTheProratedAllowanceStaysWithin() {
		ConsumptionPosition position = only(reading("PlatformEvents", "1000", "300"));

		assertThat(position.projected()).isEqualByComparingTo("900");
		assertThat(position.status()).isEqualTo(Status.WITHIN);
	}

	@Test
	void useAlreadyAboveTheAllowanceIsOver() {
		assertThat(only(reading("PlatformEvents", "100", "101")).status()).isEqualTo(Status.OVER);
	}

	@Test
	void theProfilesAllowanceWinsOverSalesforcesAndGivesAnOpenPeriodItsLength() {
		ConsumptionReading open = new ConsumptionReading("DataStorageMB", "USAGE_ENTITLEMENT", LocalDate.of(2026, 11, 1),
				null, new BigDecimal("5000"), new BigDecimal("100"));

		ConsumptionPosition position = this.calculator
			.positions(List.of(open), List.of(new ConsumptionEntitlement("DataStorageMB", new BigDecimal("250"),
					BillingPeriod.MONTHLY)))
			.get(0);

		assertThat(position.allowed()).isEqualByComparingTo("250");
		assertThat(position.allowedFrom()).isEqualTo("PROFILE");
		assertThat(position.periodEnd()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(position.projected()).isEqualByComparingTo("300");
		assertThat(position.status()).isEqualTo(Status.PROJECTED_OVER);
	}

	/** The case: FileStorageMB 4,047 of 6,048 one day into the period was "projected 14148.8609 PROJECTED_OVER". */
	@Test
	void aPersistentResourceIsJudgedAtTheReadingNotProjected() {
		ConsumptionReading storage = new ConsumptionReading("FileStorage", "USAGE_ENTITLEMENT", LocalDate.of(2026, 11, 26),
				LocalDate.of(2026, 12, 25), new BigDecimal("6048"), new BigDecimal("4047"), true);
		ConsumptionReading full = new ConsumptionReading("DataStorage", "USAGE_ENTITLEMENT", LocalDate.of(2026, 11, 26),
				LocalDate.of(2026, 12, 25), new BigDecimal("1024"), new BigDecimal("1100"), true);

		List<ConsumptionPosition> positions = this.calculator.positions(List.of(storage, full), List.of());

		assertThat(positions.get(0).projected()).isNull();
		assertThat(positions.get(0).status()).isEqualTo(Status.WITHIN);
		assertThat(positions.get(1).projected()).isNull();
		assertThat(positions.get(1).status()).isEqualTo(Status.OVER);
	}

	@Test
	void aPeriodAlreadyOverProjectsWhatWasUsed() {
		ConsumptionReading october = new ConsumptionReading("PlatformEvents", "USAGE_ENTITLEMENT",
				LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), new BigDecimal("1000"), new BigDecimal("700"));

		assertThat(only(october).projected()).isEqualByComparingTo("700");
	}

	@Test
	void anEntitledMetricWithoutAReadingHasNoData() {
		List<ConsumptionPosition> positions = this.calculator.positions(List.of(),
				List.of(new ConsumptionEntitlement("ApiCalls", new BigDecimal("10"), BillingPeriod.MONTHLY)));

		assertThat(positions).singleElement().satisfies(position -> {
			assertThat(position.status()).isEqualTo(Status.NO_DATA);
			assertThat(position.used()).isNull();
		});
	}

	@Test
	void aSourceNotReadThisRunLeavesItsMetricsNoDataWithTheReasonAndTheOthersJudged() {
		ConsumptionReading stale = reading("PlatformEventsDelivered", "1000", "999");
		ConsumptionReading limit = new ConsumptionReading("DailyApiRequests", "ORG_LIMIT", LocalDate.of(2026, 11, 11),
				LocalDate.of(2026, 11, 11), new BigDecimal("100"), new BigDecimal("10"));
		Map<String, String> unread = Map.of("USAGE_ENTITLEMENT", "INVALID_TYPE (HTTP 400): sObject type not supported");

		List<ConsumptionPosition> positions = this.calculator.positions(List.of(stale, limit),
				List.of(new ConsumptionEntitlement("ApiCalls", new BigDecimal("10"), BillingPeriod.MONTHLY)), unread);

		assertThat(positions).extracting(ConsumptionPosition::metric, ConsumptionPosition::status).containsExactly(
				tuple("PlatformEventsDelivered", Status.NO_DATA), tuple("DailyApiRequests", Status.WITHIN),
				tuple("ApiCalls", Status.NO_DATA));
		assertThat(positions.get(0).used()).as("never the older reading").isNull();
		assertThat(positions.get(0).reason())
			.isEqualTo("USAGE_ENTITLEMENT not read: INVALID_TYPE (HTTP 400): sObject type not supported");
		assertThat(positions.get(1).reason()).isNull();
		assertThat(positions.get(2).reason())
			.isEqualTo("not reported; USAGE_ENTITLEMENT not read: INVALID_TYPE (HTTP 400): sObject type not supported");
	}

	@Test
	void aMetricWithoutAllowanceCannotBeExceeded() {
		ConsumptionReading unlimited = new ConsumptionReading("Sessions", "ORG_LIMIT", LocalDate.of(2026, 11, 11),
				LocalDate.of(2026, 11, 11), null, new BigDecimal("5"));

		assertThat(only(unlimited).status()).isEqualTo(Status.NO_ALLOWANCE);
	}

	private ConsumptionPosition only(ConsumptionReading reading) {
		return this.calculator.positions(List.of(reading), List.of()).get(0);
	}

	private static ConsumptionReading reading(String metric, String allowed, String used) {
		return new ConsumptionReading(metric, "USAGE_ENTITLEMENT", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
				new BigDecimal(allowed), new BigDecimal(used));
	}

}
