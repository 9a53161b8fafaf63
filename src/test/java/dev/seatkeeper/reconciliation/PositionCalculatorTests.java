package dev.seatkeeper.reconciliation;

import static dev.seatkeeper.reconciliation.Entitlements.seats;
import static dev.seatkeeper.reconciliation.Entitlements.siteLicense;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.profile.Entitlement;
import org.junit.jupiter.api.Test;

class PositionCalculatorTests {

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	static final String SALES = "UserLicense:SFDC";

	static final String SERVICE = "FeatureLicense:SupportUser";

	final PositionCalculator calculator = new PositionCalculator(RUN_DATE, model -> ReclamationCounts.NONE);

	@Test
	void moreHoldersThanSeatsIsUnderLicensedWithTheShortfallPricedAsATrueUp() {
		LicensePosition position = only(usage(SALES, 120, 100), seats(100).of(SALES).at("165", "USD").line());

		assertThat(position.status()).isEqualTo(PositionStatus.UNDER_LICENSED);
		assertThat(position.seats().shortfall()).isEqualTo(20);
		assertThat(position.seats().inactive()).isEqualTo(20);
		assertThat(position.money().trueUpExposureAnnual()).isEqualByComparingTo("39600.00"); // 20 × 165 × 12
		assertThat(position.money().costMonthly()).isEqualByComparingTo("16500.00");
		assertThat(position.money().costAnnual()).isEqualByComparingTo("198000.00");
	}

	@Test
	void moreSeatsThanHoldersIsOverLicensedShelfwareWithSavingsDownToTheActiveUsers() {
		LicensePosition position = only(usage(SALES, 80, 50), seats(100).of(SALES).at("1000", "EUR").annually().line());

		assertThat(position.status()).isEqualTo(PositionStatus.OVER_LICENSED);
		assertThat(position.seats().shelfware()).isEqualTo(20);
		assertThat(position.seats().savings()).isEqualTo(50);
		assertThat(position.seats().savingsAfterReclamation()).as("no candidates yet: only unassigned seats").isEqualTo(20);
		assertThat(position.money().savingsAnnual()).isEqualByComparingTo("50000.00");
		assertThat(position.money().inactiveCostAnnual()).isEqualByComparingTo("30000.00");
		assertThat(position.money().costMonthly()).as("an annual price spread over twelve months")
			.isEqualByComparingTo("8333.33");
	}

	@Test
	void asManySeatsAsHoldersIsCompliant() {
		LicensePosition position = only(usage(SALES, 100, 100), seats(100).of(SALES).at("165", "USD").line());

		assertThat(position.status()).isEqualTo(PositionStatus.COMPLIANT);
		assertThat(position.money().trueUpExposureAnnual()).isEqualByComparingTo("0");
		assertThat(position.money().savingsAnnual()).isEqualByComparingTo("0");
	}

	@Test
	void zeroSeatsOwnedMakesEveryHolderAShortfall() {
		LicensePosition position = only(usage(SALES, 3, 1), seats(0).of(SALES).at("50", "USD").line());

		assertThat(position.status()).isEqualTo(PositionStatus.UNDER_LICENSED);
		assertThat(position.seats().owned()).isZero();
		assertThat(position.seats().shortfall()).isEqualTo(3);
		assertThat(position.money().costAnnual()).isEqualByComparingTo("0");
		assertThat(position.money().trueUpExposureAnnual()).isEqualByComparingTo("1800.00");
	}

	@Test
	void aSiteLicenseCoversAnyNumberAndCostsItsPriceWhateverTheSeats() {
		LicensePosition position = only(usage(SALES, 5000, 10), siteLicense().of(SALES).at("250000", "USD").annually().line());

		assertThat(position.status()).isEqualTo(PositionStatus.COMPLIANT);
		assertThat(position.seats().owned()).isNull();
		assertThat(position.seats().siteLicense()).isTrue();
		assertThat(position.seats().inactive()).isEqualTo(4990);
		assertThat(position.money().costAnnual()).isEqualByComparingTo("250000.00");
		assertThat(position.money().inactiveCostAnnual()).isEqualByComparingTo("0");
		assertThat(position.money().savingsAnnual()).isEqualByComparingTo("0");
	}

	@Test
	void anExpiredTermOwnsNothingIsFlaggedAndStillPricesTheTrueUp() {
		LicensePosition position = only(usage(SALES, 10, 10),
				seats(50).of(SALES).at("100", "USD").term("2025-01-01", "2026-11-26").line());

		assertThat(position.termExpired()).isTrue();
		assertThat(position.seats().owned()).isZero();
		assertThat(position.status()).isEqualTo(PositionStatus.UNDER_LICENSED);
		assertThat(position.money().costAnnual()).isEqualByComparingTo("0");
		assertThat(position.money().trueUpExposureAnnual()).isEqualByComparingTo("12000.00");
	}

	@Test
	void aTermEndingOnTheRunDateStillCountsAndRenewalLinesAddUp() {
		LicensePosition position = only(usage(SALES, 10, 10),
				seats(5).of(SALES).at("100", "USD").term("2025-11-28", "2026-11-27").line(),
				seats(7).of(SALES).at("120", "USD").term("2026-11-27", "2027-11-26").line(),
				seats(99).of(SALES).at("100", "USD").term("2024-01-01", "2024-12-31").line());

		assertThat(position.termExpired()).isFalse();
		assertThat(position.seats().owned()).isEqualTo(12);
		assertThat(position.money().unitPriceAnnual()).as("the dearest current seat").isEqualByComparingTo("1440.00");
		assertThat(position.money().costAnnual()).isEqualByComparingTo("16080.00"); // 5×1200 + 7×1440
	}

	@Test
	void aModelWithoutEntitlementIsUnknownWithNoMoney() {
		LicensePosition position = this.calculator.positions(List.of(usage(SERVICE, 40, 30)), List.of(), 60).get(0);

		assertThat(position.status()).isEqualTo(PositionStatus.UNKNOWN);
		assertThat(position.seats().owned()).isNull();
		assertThat(position.seats().siteLicense()).isFalse();
		assertThat(position.seats().assigned()).isEqualTo(40);
		assertThat(position.money()).isNull();
	}

	@Test
	void anEntitlementNamingAModelTheOrgLacksIsReportedNotInOrgWithAllItsSeatsAsSavings() {
		List<LicensePosition> positions = this.calculator.positions(List.of(usage(SALES, 1, 1)),
				List.of(seats(1).of(SALES).at("10", "USD").line(), seats(25).of("PackageLicense:gone").at("20", "USD").line()),
				60);

		assertThat(positions).extracting(LicensePosition::model).containsExactly(SALES, "PackageLicense:gone");
		LicensePosition missing = positions.get(1);
		assertThat(missing.status()).isEqualTo(PositionStatus.NOT_IN_ORG);
		assertThat(missing.seats().provisioned()).isNull();
		assertThat(missing.seats().assigned()).isZero();
		assertThat(missing.seats().savings()).isEqualTo(25);
		assertThat(missing.money().savingsAnnual()).isEqualByComparingTo("6000.00");
	}

	@Test
	void openCandidatesAddToTheSavingsAfterReclamation() {
		PositionCalculator withCandidates = new PositionCalculator(RUN_DATE,
				Map.of(SALES, new ReclamationCounts(15, 2))::get);

		LicensePosition position = withCandidates
			.positions(List.of(usage(SALES, 90, 60)), List.of(seats(100).of(SALES).at("10", "USD").line()), 60)
			.get(0);

		assertThat(position.seats().openCandidates()).isEqualTo(15);
		assertThat(position.seats().reclaimedThisRun()).isEqualTo(2);
		assertThat(position.seats().savingsAfterReclamation()).isEqualTo(25); // 100 − (90 − 15)
		assertThat(position.money().savingsAfterReclamationAnnual()).isEqualByComparingTo("3000.00");
	}

	@Test
	void mixedCurrenciesAreTotalledPerCurrencyAndNeverSummedAcross() {
		List<LicensePosition> positions = this.calculator.positions(
				List.of(usage(SALES, 10, 10), usage(SERVICE, 5, 5), usage("PackageLicense:cpq", 2, 2)),
				List.of(seats(10).of(SALES).at("100", "USD").line(), seats(5).of(SERVICE).at("50", "EUR").line(),
						seats(2).of("PackageLicense:cpq").at("25", "USD").line()),
				60);

		List<CurrencyTotal> totals = CurrencyTotal.of(positions);

		assertThat(totals).extracting(CurrencyTotal::currency).containsExactly("EUR", "USD");
		assertThat(totals.get(0).costMonthly()).isEqualByComparingTo("250.00");
		assertThat(totals.get(1).costMonthly()).isEqualByComparingTo("1050.00");
	}

	@Test
	void oneModelPricedInTwoCurrenciesIsRefused() {
		List<Entitlement> lines = List.of(seats(1).of(SALES).at("1", "USD").line(), seats(1).of(SALES).at("1", "EUR").line());

		assertThatIllegalArgumentException().isThrownBy(() -> this.calculator.positions(List.of(), lines, 60))
			.withMessageContaining("UserLicense:SFDC")
			.withMessageContaining("currencies");
	}

	@Test
	void amountsAreRoundedHalfEvenToCents() {
		LicensePosition position = only(usage(SALES, 1, 1), seats(1).of(SALES).at("100.005", "USD").annually().line());

		assertThat(position.money().costAnnual()).isEqualTo(new BigDecimal("100.00"));
		assertThat(position.money().costMonthly()).isEqualTo(new BigDecimal("8.33"));
	}

	@Test
	void aLoginBasedLicenseIsJudgedByTheMonthsLoginsAndHasNoSeatSavings() {
		String login = "UserLicense:PID_Customer_Community_Login";
		ModelUsage within = new ModelUsage(login, "Customer Community Login", 4000, 300, 40, 60, 300, null, 1000, 640);
		ModelUsage over = new ModelUsage(login, "Customer Community Login", 4000, 300, 40, 60, 300, null, 1000, 1001);

		LicensePosition priced = only(within, seats(1000).of(login).at("2", "USD").line());
		LicensePosition overAllowance = only(over);

		assertThat(priced.status()).isEqualTo(PositionStatus.COMPLIANT);
		assertThat(priced.logins()).isEqualTo(new LicensePosition.Logins(1000, 640));
		assertThat(priced.seats().shelfware()).as("1000 owned, 300 assigned: logins, not seats").isZero();
		assertThat(priced.seats().savings()).isZero();
		assertThat(priced.seats().inactive()).as("idle users are still shown").isEqualTo(260);
		assertThat(priced.money().costAnnual()).isEqualByComparingTo("24000.00");
		assertThat(priced.money().savingsAnnual()).isEqualByComparingTo("0");
		assertThat(priced.money().inactiveCostAnnual()).isEqualByComparingTo("0");
		assertThat(overAllowance.status()).as("without an entitlement line too").isEqualTo(PositionStatus.UNDER_LICENSED);
		assertThat(overAllowance.logins().over()).isEqualTo(1);
		assertThat(overAllowance.money()).isNull();
		assertThat(only(usage(SALES, 10, 5)).logins()).as("billed by users").isNull();
	}

	private LicensePosition only(ModelUsage usage, Entitlement... lines) {
		List<LicensePosition> positions = this.calculator.positions(List.of(usage), List.of(lines), 60);
		assertThat(positions).hasSize(1);
		return positions.get(0);
	}

	private static ModelUsage usage(String model, int assigned, int active) {
		return new ModelUsage(model, model, assigned + 10, assigned, active, 60);
	}

}
