package dev.seatkeeper.salesforce;

/**
 * The profile's share of the org's daily API requests is spent. Not a failure of the data: a step that sees it stops
 * cleanly (STOPPED) and the next run resumes from its key watermark.
 */
public class ApiBudgetExhaustedException extends SalesforceApiException {

	private static final long serialVersionUID = 1L;

	public ApiBudgetExhaustedException(String profile, long used, long allowed, long max) {
		super("API_BUDGET_EXHAUSTED", 0, false, "Profile '" + profile + "' reached its API budget: org usage " + used
				+ " of " + max + " requests, this profile may run until " + allowed, null);
	}

}
