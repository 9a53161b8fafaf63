package dev.seatkeeper.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.RecordActivityFacts;
import dev.seatkeeper.sandbox.org.Row;

/** What the sandbox's facts say a downgrade of Salesforce (SFDC) seats should find, for the tests that compare. */
public final class DowngradeFacts {

	private DowngradeFacts() {
	}

	/** Active SFDC holders without a create or edit of an Opportunity or Case in the 90 days before {@code now}. */
	public static Set<String> salesforceUsersIdleOnOpportunitiesAndCases(Sandbox sandbox, Instant now) {
		RecordActivityFacts facts = sandbox.org().recordActivityFacts(now.minus(Duration.ofDays(365)));
		Instant since = now.minus(Duration.ofDays(90));
		Set<String> users = new TreeSet<>();
		for (Row user : sandbox.org().table(OrgTypes.USER).rows()) {
			if (!Boolean.TRUE.equals(user.fieldValue("IsActive"))
					|| !"SFDC".equals(user.value("Profile.UserLicense.LicenseDefinitionKey"))) {
				continue;
			}
			Map<String, RecordActivityFacts.Activity> use = facts.byUser().getOrDefault(user.id(), Map.of());
			boolean usesExpensive = List.of("Opportunity", "Case").stream().map(use::get)
				.anyMatch((activity) -> activity != null && (after(activity.lastCreated(), since)
						|| after(activity.lastModified(), since)));
			if (!usesExpensive) {
				users.add(user.id());
			}
		}
		return users;
	}

	private static boolean after(Instant time, Instant since) {
		return time != null && !time.isBefore(since);
	}

}
