package dev.seatkeeper.sandbox.org;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Creates permission sets and their assignments, last and from a random of its own: the draws of everything generated
 * before stay as they were, so orgs of a seed keep their users, licenses and counts. A licensed set goes only to
 * users holding a live assignment of its permission set license (as Salesforce requires); the others go to active
 * full Salesforce users.
 */
final class PermissionSetGenerator {

	/** Mixed into the spec's seed, so this random differs from the org's main one. */
	static final long SALT = 0x5E7_9E7L;

	private final SandboxOrg org;

	private final SplittableRandom random;

	PermissionSetGenerator(SandboxOrg org, SplittableRandom random) {
		this.org = org;
		this.random = random;
	}

	void generate() {
		List<Row> licenses = this.org.table(OrgTypes.PERMISSION_SET_LICENSE).rows();
		Object created = this.org.table(OrgTypes.ORGANIZATION).record(0).fieldValue("CreatedDate");
		List<Row> sets = new ArrayList<>();
		for (LicenseCatalog.PermissionSet set : LicenseCatalog.PERMISSION_SETS) {
			sets.add(this.org.newRow(OrgTypes.PERMISSION_SET)
				.set("Name", set.name())
				.set("Label", set.label())
				.set("LicenseId", (set.license() >= 0) ? licenses.get(set.license()).id() : null)
				.set("Type", "Regular")
				.set("IsOwnedByProfile", false)
				.set("IsCustom", true)
				.set("CreatedDate", created));
		}
		Map<String, List<String>> licensesHeld = licensesHeld();
		String sfdc = this.org.table(OrgTypes.USER_LICENSE).record(LicenseCatalog.SFDC).id();
		for (Row user : this.org.table(OrgTypes.USER).rows()) {
			if (!Boolean.TRUE.equals(user.fieldValue("IsActive")) || !sfdc.equals(user.value("Profile.UserLicenseId"))) {
				continue;
			}
			List<String> held = licensesHeld.getOrDefault(user.id(), List.of());
			for (int i = 0; i < sets.size(); i++) {
				LicenseCatalog.PermissionSet set = LicenseCatalog.PERMISSION_SETS.get(i);
				boolean eligible = set.license() < 0 || held.contains(licenses.get(set.license()).id());
				if (eligible && this.random.nextDouble() < set.share()) {
					assign(user, sets.get(i));
				}
			}
		}
	}

	/** The permission set licenses each user holds a live assignment of. */
	private Map<String, List<String>> licensesHeld() {
		Map<String, List<String>> held = new HashMap<>();
		for (Row assignment : this.org.table(OrgTypes.PERMISSION_SET_LICENSE_ASSIGN).rows()) {
			if (!assignment.isDeleted()) {
				held.computeIfAbsent((String) assignment.fieldValue("AssigneeId"), (id) -> new ArrayList<>())
					.add((String) assignment.fieldValue("PermissionSetLicenseId"));
			}
		}
		return held;
	}

	private void assign(Row user, Row set) {
		Instant since = ((Instant) user.requiredValue("CreatedDate")).plus(Duration.ofDays(2));
		this.org.newRow(OrgTypes.PERMISSION_SET_ASSIGNMENT)
			.set("AssigneeId", user.id())
			.set("PermissionSetId", set.id())
			.set("SystemModstamp", since);
	}

}
