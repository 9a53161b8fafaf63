package dev.seatkeeper.sandbox.org;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Creates permission set groups and their assignments, after everything else and from a random of its own, so orgs of
 * a seed keep every earlier record. Salesforce models a group assignment as one PermissionSetAssignment naming the
 * group and the group's own aggregate permission set.
 * <ul>
 * <li>{@code Retention_Team} bundles {@code Keep_License} and {@code Report_Builder}; it goes to a few active full
 * Salesforce users who do not hold {@code Keep_License} directly, so they hold it only through the group.</li>
 * <li>{@code Console_Team} bundles {@code Sales_Console_Access}, which requires the Sales Console User permission set
 * license, and {@code Report_Builder}; it goes to some active holders of that license who do not hold
 * {@code Sales_Console_Access} directly, so the license is needed through the group only (removing it is refused).</li>
 * </ul>
 */
final class PermissionSetGroupGenerator {

	static final long SALT = 0x9E70_6E7L;

	static final String GROUP = "Retention_Team";

	static final List<String> MEMBERS = List.of("Keep_License", "Report_Builder");

	private static final double SHARE = 0.04;

	static final String CONSOLE_GROUP = "Console_Team";

	static final List<String> CONSOLE_MEMBERS = List.of("Sales_Console_Access", "Report_Builder");

	private static final double CONSOLE_SHARE = 0.30;

	private final SandboxOrg org;

	private final SplittableRandom random;

	PermissionSetGroupGenerator(SandboxOrg org, SplittableRandom random) {
		this.org = org;
		this.random = random;
	}

	void generate() {
		Row[] retention = group(GROUP, "Retention Team", MEMBERS);
		Set<String> direct = directHolders("Keep_License");
		String sfdc = this.org.table(OrgTypes.USER_LICENSE).record(LicenseCatalog.SFDC).id();
		for (Row user : this.org.table(OrgTypes.USER).rows()) {
			if (Boolean.TRUE.equals(user.fieldValue("IsActive")) && sfdc.equals(user.value("Profile.UserLicenseId"))
					&& !direct.contains(user.id()) && this.random.nextDouble() < SHARE) {
				assign(user, retention);
			}
		}
		Row[] console = group(CONSOLE_GROUP, "Console Team", CONSOLE_MEMBERS);
		Set<String> directConsole = directHolders("Sales_Console_Access");
		for (Row license : this.org.table(OrgTypes.PERMISSION_SET_LICENSE_ASSIGN).rows()) {
			if (!license.isDeleted() && "SalesConsoleUser".equals(license.value("PermissionSetLicense.DeveloperName"))
					&& Boolean.TRUE.equals(license.value("Assignee.IsActive"))
					&& !directConsole.contains((String) license.fieldValue("AssigneeId"))
					&& this.random.nextDouble() < CONSOLE_SHARE) {
				assign((Row) Objects.requireNonNull(license.related("Assignee"), "an assignment has an assignee"),
						console);
			}
		}
	}

	/** The group, its aggregate permission set and its components: {@code [group, aggregate]}. */
	private Row[] group(String developerName, String label, List<String> members) {
		Object created = this.org.table(OrgTypes.ORGANIZATION).record(0).fieldValue("CreatedDate");
		Row group = this.org.newRow(OrgTypes.PERMISSION_SET_GROUP)
			.set("DeveloperName", developerName)
			.set("MasterLabel", label)
			.set("Status", "Updated")
			.set("CreatedDate", created);
		Row aggregate = this.org.newRow(OrgTypes.PERMISSION_SET)
			.set("Name", "X" + group.id().substring(0, 15))
			.set("Label", label)
			.set("Type", "Group")
			.set("IsOwnedByProfile", false)
			.set("IsCustom", false)
			.set("CreatedDate", created);
		for (Row set : this.org.table(OrgTypes.PERMISSION_SET).rows()) {
			if (members.contains(set.fieldValue("Name"))) {
				this.org.newRow(OrgTypes.PERMISSION_SET_GROUP_COMPONENT)
					.set("PermissionSetGroupId", group.id())
					.set("PermissionSetId", set.id());
			}
		}
		return new Row[] { group, aggregate };
	}

	private void assign(Row user, Row[] groupAndAggregate) {
		Instant since = ((Instant) user.requiredValue("CreatedDate")).plus(Duration.ofDays(3));
		this.org.newRow(OrgTypes.PERMISSION_SET_ASSIGNMENT)
			.set("AssigneeId", user.id())
			.set("PermissionSetId", groupAndAggregate[1].id())
			.set("PermissionSetGroupId", groupAndAggregate[0].id())
			.set("SystemModstamp", since);
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
