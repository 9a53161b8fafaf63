package dev.seatkeeper.sandbox.org;

import java.util.SplittableRandom;

/**
 * The User feature-license checkboxes. Only full Salesforce users carry Service Cloud, Marketing, Knowledge and
 * CTI; platform users may use Salesforce CRM Content and mobile; community, Chatter Free and guest users carry none.
 */
final class FeatureFlags {

	/** Per flag in {@link OrgTypes#USER_PERMISSIONS} order: the chance a full Salesforce user has it. */
	private static final double[] SALESFORCE = { 0.30, 0.10, 0.15, 0.10, 0.80, 0.05, 0.60 };

	private static final double[] PLATFORM = { 0, 0, 0, 0, 0.50, 0, 0.40 };

	private FeatureFlags() {
	}

	static void assign(Row user, int license, SplittableRandom random) {
		double[] chances = license == LicenseCatalog.SFDC ? SALESFORCE : license == 1 ? PLATFORM : null;
		for (int i = 0; i < OrgTypes.USER_PERMISSIONS.size(); i++) {
			boolean on = chances != null && random.nextDouble() < chances[i];
			user.set(OrgTypes.USER_PERMISSIONS.get(i), on);
		}
	}

}
