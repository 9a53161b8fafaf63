package dev.seatkeeper.sandbox.org;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Creates a permission set group and its assignments, after everything else and from a random of its own, so orgs of
 * a seed keep every earlier record. The group, {@code Retention_Team}, bundles {@code Keep_License} and
 * {@code Report_Builder}; it goes to a few active full Salesforce users who do not hold {@code Keep_License} directly,
 * so they hold it only through the group, as Salesforce models it: one PermissionSetAssignment naming the group and
 * the group's own aggregate permission set.
 */
final class PermissionSetGroupGenerator {

	static final long SALT = 0x9E70_6E7L;

	static final String GROUP = "Retention_Team";

	static final List<String> MEMBERS = List.of("Keep_License", "Report_Builder");

	private static final double SHARE = 0.04;

	private final SandboxOrg org;

	private final SplittableRandom random;

	PermissionSetGroupGenerator(SandboxOrg org, SplittableRandom random) {
		this.org = org;
		this.random = random;
	}

	void generate() {
		Object created = this.org.table(OrgTypes.ORGANIZATION).record(0).fieldValue("CreatedDate");
		Row group = this.org.newRow(OrgTypes.PERMISSION_SET_GROUP)
			.set("DeveloperName", GROUP)
			.set("MasterLabel", "Retention Team")
			.set("Status", "Updated")
			.set("CreatedDate", created);
		Row aggregate = this.org.newRow(OrgTypes.PERMISSION_SET)
			.set("Name", "X" + group.id().substring(0, 15))
			.set("Label", "Retention Team")
			.set("Type", "Group")
			.set("IsOwnedByProfile", false)
			.set("IsCustom", false)
			.set("CreatedDate", created);
		for (Row set : this.org.table(OrgTypes.PERMISSION_SET).rows()) {
			if (MEMBERS.contains(set.fieldValue("Name"))) {
				this.org.newRow(OrgTypes.PERMISSION_SET_GROUP_COMPONENT)
					.set("PermissionSetGroupId", group.id())
					.set("PermissionSetId", set.id());
			}
		}
		Set<String> direct = directHolders("Keep_License");
		String sfdc = this.org.table(OrgTypes.USER_LICENSE).record(LicenseCatalog.SFDC).id();
		for (Row user : this.org.table(OrgTypes.USER).rows()) {
			if (Boolean.TRUE.equals(user.fieldValue("IsActive")) && sfdc.equals(user.value("Profile.UserLicenseId"))
					&& !direct.contains(user.id()) && this.random.nextDouble() < SHARE) {
				Instant since = ((Instant) user.fieldValue("CreatedDate")).plus(Duration.ofDays(3));
				this.org.newRow(OrgTypes.PERMISSION_SET_ASSIGNMENT)
					.set("AssigneeId", user.id())
					.set("PermissionSetId", aggregate.id())
					.set("PermissionSetGroupId", group.id())
					.set("SystemModstamp", since);
			}
		}
	}

	private Set<String> directHolders(String setName) {
		Set<String> holders = new HashSet<>();
		for (Row assignment : this.org.table(OrgTypes.PERMISSION_SET_ASSIGNMENT).rows()) {
			if (setName.equals(assignment.value("PermissionSet.Name"))) {
				holders.add((String) assignment.fieldValue("AssigneeId"));
			}
		}
		return holders;
	}

}
