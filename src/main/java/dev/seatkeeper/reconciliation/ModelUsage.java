package dev.seatkeeper.reconciliation;

import org.jspecify.annotations.Nullable;

/**
 * What the org says about one software model as of the run: Salesforce's provisioned total (TotalLicenses, null
 * where Salesforce publishes none), the active users holding it now, and those of them active within the threshold.
 */
public record ModelUsage(String model, String label, @Nullable Integer provisioned, int assigned, int active,
		int thresholdDays) {

	public ModelUsage {
		if (active > assigned || active < 0) {
			throw new IllegalArgumentException(model + ": active (" + active + ") must be within 0.." + assigned);
		}
	}

}
