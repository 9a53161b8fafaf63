package dev.seatkeeper.reconciliation;

import org.jspecify.annotations.Nullable;

/**
 * What the org says about one software model as of the run: Salesforce's provisioned total (TotalLicenses, null
 * where Salesforce publishes none), the holders whose seats count ({@link dev.seatkeeper.license.SeatCounting}), those
 * of them active users active within the threshold, Salesforce's own used and active counts (null where it publishes
 * none), and for a login-based license its monthly logins allowed and used (null for every other model).
 */
public record ModelUsage(String model, String label, @Nullable Integer provisioned, int assigned, int active,
		int thresholdDays, @Nullable Integer salesforceUsed, @Nullable Integer salesforceActive,
		@Nullable Integer monthlyLoginsEntitled, @Nullable Integer monthlyLoginsUsed) {

	public ModelUsage(String model, String label, @Nullable Integer provisioned, int assigned, int active,
			int thresholdDays) {
		this(model, label, provisioned, assigned, active, thresholdDays, null, null);
	}

	public ModelUsage(String model, String label, @Nullable Integer provisioned, int assigned, int active,
			int thresholdDays, @Nullable Integer salesforceUsed, @Nullable Integer salesforceActive) {
		this(model, label, provisioned, assigned, active, thresholdDays, salesforceUsed, salesforceActive, null, null);
	}

	/** Billed by logins a month (Salesforce publishes a monthly login allowance), not by seats. */
	public boolean loginBased() {
		return this.monthlyLoginsEntitled != null;
	}

	public ModelUsage {
		if (active > assigned || active < 0) {
			throw new IllegalArgumentException(model + ": active (" + active + ") must be within 0.." + assigned);
		}
	}

}
