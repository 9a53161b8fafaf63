package dev.seatkeeper.reconciliation;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One software model's position for one profile and run date.
 *
 * @param termExpired every entitlement naming the model ended (or had not begun) on the run date, so nothing is owned
 * @param money null when no entitlement prices the model ({@link PositionStatus#UNKNOWN})
 * @param logins a login-based license's logins this month against its allowance (its status is about those, not
 * seats); null for every other model
 */
public record LicensePosition(String model, String label, PositionStatus status, int thresholdDays, boolean termExpired,
		Seats seats, @Nullable Money money, @Nullable Logins logins) {

	public LicensePosition(String model, String label, PositionStatus status, int thresholdDays, boolean termExpired,
			Seats seats, @Nullable Money money) {
		this(model, label, status, thresholdDays, termExpired, seats, money, null);
	}

	/**
	 * A login-based license (Customer or Partner Community Login): Salesforce bills successful logins a month, not
	 * users. {@code used} counts this calendar month so far.
	 *
	 * @param entitled Salesforce's allowance of logins a month ({@code UserLicense.MonthlyLoginsEntitlement})
	 * @param used logins this month ({@code MonthlyLoginsUsed}); null when Salesforce gave none
	 */
	public record Logins(int entitled, @Nullable Integer used) {

		/** Logins beyond the allowance this month (0 within it). */
		public int over() {
			return (this.used != null) ? Math.max(0, this.used - this.entitled) : 0;
		}

	}

	/**
	 * Seat counts. {@code owned} is null for a site license ({@code siteLicense}) and when nothing is known.
	 *
	 * @param shortfall assigned beyond owned (true-up)
	 * @param shelfware owned beyond assigned
	 * @param savings owned − active: seats not needed by active users
	 * @param savingsAfterReclamation owned − (assigned − open candidates): seats that can go once pending reclamations
	 * are done
	 * @param salesforceUsed Salesforce's own used count (UsedLicenses, or AssignedUserCount of a feature license's
	 * metric); null where Salesforce publishes none
	 * @param drift salesforceUsed − assigned: non-zero when Seatkeeper and Salesforce disagree on the seats in use;
	 * null without a Salesforce count
	 * @param salesforceActive Salesforce's count of assignees who logged in within 30 days (ActiveFeatureLicenseMetric,
	 * ActivePermSetLicenseMetric), where the org has it
	 */
	public record Seats(@Nullable Integer owned, boolean siteLicense, @Nullable Integer provisioned, int assigned,
			int active, int inactive, int openCandidates, int reclaimedThisRun, int shortfall, int shelfware,
			int savings, int savingsAfterReclamation, @Nullable Integer salesforceUsed, @Nullable Integer drift,
			@Nullable Integer salesforceActive) {

		public Seats(@Nullable Integer owned, boolean siteLicense, @Nullable Integer provisioned, int assigned,
				int active, int inactive, int openCandidates, int reclaimedThisRun, int shortfall, int shelfware,
				int savings, int savingsAfterReclamation) {
			this(owned, siteLicense, provisioned, assigned, active, inactive, openCandidates, reclaimedThisRun,
					shortfall, shelfware, savings, savingsAfterReclamation, null, null, null);
		}

		/** These seats with Salesforce's counts of the model, and the drift they make. */
		Seats withSalesforceCounts(@Nullable Integer used, @Nullable Integer active) {
			return new Seats(this.owned, this.siteLicense, this.provisioned, this.assigned, this.active, this.inactive,
					this.openCandidates, this.reclaimedThisRun, this.shortfall, this.shelfware, this.savings,
					this.savingsAfterReclamation, used, (used != null) ? used - this.assigned : null, active);
		}

	}

	/**
	 * Amounts in one currency, rounded to cents (half-even). Annual amounts are the unit price per year (a monthly
	 * price × 12); {@code costMonthly} is the annual cost ÷ 12. A site license costs its price, whatever the seats.
	 */
	public record Money(String currency, BigDecimal unitPriceAnnual, BigDecimal costMonthly, BigDecimal costAnnual,
			BigDecimal inactiveCostAnnual, BigDecimal trueUpExposureAnnual, BigDecimal savingsAnnual,
			BigDecimal savingsAfterReclamationAnnual) {
	}

}
