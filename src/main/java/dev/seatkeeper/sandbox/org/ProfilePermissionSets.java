package dev.seatkeeper.sandbox.org;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The permission sets profiles own, generated last and without a random draw, so every org of a seed keeps the rows
 * and Ids it had. As in Salesforce, each profile owns one set ({@code IsOwnedByProfile = true}, {@code ProfileId})
 * holding its system permissions, and every user is assigned the set of their profile, so one PermissionSetAssignment
 * query over {@code PermissionSet.Permissions*} finds the users a profile or a permission set makes administrators.
 * Only the System Administrator profile grants Modify All Data, Manage Users and Customize Application; every other
 * set says false (Salesforce never answers null for a permission field).
 */
final class ProfilePermissionSets {

	private final SandboxOrg org;

	ProfilePermissionSets(SandboxOrg org) {
		this.org = org;
	}

	void generate() {
		for (Row set : this.org.table(OrgTypes.PERMISSION_SET).rows()) {
			OrgTypes.ADMIN_PERMISSIONS.forEach(permission -> set.set(permission, false));
		}
		List<Row> profiles = this.org.table(OrgTypes.PROFILE).rows();
		Map<String, Row> setByProfile = new HashMap<>();
		for (int i = 0; i < profiles.size(); i++) {
			Row profile = profiles.get(i);
			boolean admin = i == LicenseCatalog.ADMIN_PROFILE;
			Row set = this.org.newRow(OrgTypes.PERMISSION_SET)
				// Salesforce names a profile's set after an Id-like code, not after the profile.
				.set("Name", "X" + profile.id().substring(0, 15))
				.set("Label", "X" + profile.id().substring(0, 15))
				.set("IsOwnedByProfile", true)
				.set("IsCustom", false)
				.set("ProfileId", profile.id())
				.set("CreatedDate", profile.fieldValue("CreatedDate"));
			OrgTypes.ADMIN_PERMISSIONS.forEach(permission -> set.set(permission, admin));
			setByProfile.put(profile.id(), set);
		}
		for (Row user : this.org.table(OrgTypes.USER).rows()) {
			Row set = setByProfile.get((String) user.fieldValue("ProfileId"));
			if (set != null) {
				this.org.newRow(OrgTypes.PERMISSION_SET_ASSIGNMENT)
					.set("AssigneeId", user.id())
					.set("PermissionSetId", set.id())
					.set("SystemModstamp", user.fieldValue("CreatedDate"));
			}
		}
	}

}
