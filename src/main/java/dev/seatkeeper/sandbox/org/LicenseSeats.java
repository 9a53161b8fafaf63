package dev.seatkeeper.sandbox.org;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The license side of a write: which user changes Salesforce refuses (deactivating a protected user, activating
 * one whose license has no free seat) and how used counts move (a user license seat per active user, a
 * permission set license or package seat per live assignment). Called by {@link OrgWriter} under the org's lock.
 */
final class LicenseSeats {

	private final SandboxOrg org;

	LicenseSeats(SandboxOrg org) {
		this.org = org;
	}

	SaveResult.@Nullable Error checkUserChange(Row user, Map<String, @Nullable Object> fields) {
		for (Map.Entry<String, @Nullable Object> field : fields.entrySet()) {
			if ("ProfileId".equalsIgnoreCase(field.getKey())) {
				SaveResult.Error refused = checkProfileChange(user, field.getValue());
				if (refused != null) {
					return refused;
				}
			}
		}
		Boolean active = activeValue(fields);
		if (Boolean.FALSE.equals(active) && this.org.protectedUsers().containsKey(user.id())) {
			return SaveResult.Error.of("FIELD_INTEGRITY_EXCEPTION", this.org.protectedUsers().get(user.id()), "IsActive");
		}
		if (Boolean.TRUE.equals(active) && !Boolean.TRUE.equals(user.fieldValue("IsActive"))) {
			Row license = licenseOf(user);
			if (license != null && used(license) >= (int) license.requiredValue("TotalLicenses")) {
				return SaveResult.Error.of("LICENSE_LIMIT_EXCEEDED", "License Limit Exceeded");
			}
		}
		return null;
	}

	/**
	 * A new profile: of the same user license, always allowed; of another, only between full internal licenses
	 * (Salesforce and Salesforce Platform; Salesforce refuses e.g. Chatter Free to Platform, help article 000386999),
	 * when the target license has a seat free for an active user, and when the user holds nothing the target license
	 * does not allow (a feature license only the Salesforce license carries, or a permission given with
	 * {@link SandboxOrg#holdLicensedPermission}).
	 */
	private SaveResult.@Nullable Error checkProfileChange(Row user, @Nullable Object value) {
		if (value == null) {
			return SaveResult.Error.of("REQUIRED_FIELD_MISSING", "Required fields are missing: [ProfileId]", "ProfileId");
		}
		Row profile = this.org.find((String) value);
		if (profile == null || profile.type() != OrgTypes.PROFILE) {
			return SaveResult.Error.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", "ProfileId");
		}
		Row from = licenseOf(user);
		Row to = (Row) profile.related("UserLicense");
		if (from == null || to == null || from.id().equals(to.id())) {
			return null;
		}
		if (!LicenseCatalog.isInternal(from.fieldValue("LicenseDefinitionKey"))
				|| !LicenseCatalog.isInternal(to.fieldValue("LicenseDefinitionKey"))) {
			return SaveResult.Error.of("FIELD_INTEGRITY_EXCEPTION",
					"You can only reassign this user to a profile of the current license.", "ProfileId");
		}
		String permission = notAllowedBy(user, to);
		if (permission != null) {
			return SaveResult.Error.of("FIELD_INTEGRITY_EXCEPTION",
					"The user license doesn't allow the permission: " + permission, "ProfileId");
		}
		if (Boolean.TRUE.equals(user.fieldValue("IsActive")) && used(to) >= (int) to.requiredValue("TotalLicenses")) {
			return SaveResult.Error.of("LICENSE_LIMIT_EXCEEDED", "License Limit Exceeded");
		}
		return null;
	}

	/** A permission the user holds that the target license does not allow, by label; null when none. */
	private @Nullable String notAllowedBy(Row user, Row license) {
		String held = this.org.licensedPermissions().get(user.id());
		if (held != null) {
			return held;
		}
		if (!"SFDC".equals(license.fieldValue("LicenseDefinitionKey"))) {
			for (Map.Entry<String, String> feature : LicenseCatalog.SALESFORCE_ONLY_FEATURES.entrySet()) {
				if (Boolean.TRUE.equals(user.fieldValue(feature.getKey()))) {
					return feature.getValue();
				}
			}
		}
		return null;
	}

	/** A user's profile changed from one user license to another: the seat of a user who held one moves with it. */
	void profileChanged(Row user, @Nullable Row oldLicense, boolean heldSeat, Instant now) {
		Row license = licenseOf(user);
		if (oldLicense == null || license == null || oldLicense.id().equals(license.id()) || !heldSeat) {
			return;
		}
		oldLicense.set("UsedLicenses", Math.max(0, used(oldLicense) - 1));
		oldLicense.set("UsedLicensesLastUpdated", now);
		license.set("UsedLicenses", used(license) + 1);
		license.set("UsedLicensesLastUpdated", now);
	}

	/**
	 * A user became active (takes a seat) or inactive (frees one). Deactivation frees the user license and the
	 * permission set licenses Salesforce releases on deactivation; managed package seats and every other permission
	 * set license assignment keep counting until removed.
	 */
	void userActivated(Row user, boolean active, Instant now) {
		Row license = licenseOf(user);
		if (license != null) {
			license.set("UsedLicenses", used(license) + (active ? 1 : -1));
			license.set("UsedLicensesLastUpdated", now);
		}
		for (Row assignment : this.org.table(OrgTypes.PERMISSION_SET_LICENSE_ASSIGN).rows()) {
			if (!assignment.isDeleted() && user.id().equals(assignment.fieldValue("AssigneeId"))
					&& releasedOnDeactivation(assignment) && assignment.related("PermissionSetLicense") instanceof Row psl) {
				psl.set("UsedLicenses", Math.max(0, used(psl) + (active ? 1 : -1)));
			}
		}
	}

	/** A successful login: a login-based license counts it in MonthlyLoginsUsed (once a user a day). */
	void loginRecorded(Row user) {
		Row license = licenseOf(user);
		if (license != null && license.fieldValue("MonthlyLoginsUsed") != null) {
			license.set("MonthlyLoginsUsed",
					OrgFacts.monthlyLoginsUsed(this.org).get("UserLicense:" + license.fieldValue("LicenseDefinitionKey")));
		}
	}

	/** A permission set license or package assignment went to the recycle bin: its seat is free, if it held one. */
	void assignmentDeleted(Row assignment) {
		OrgRecord license = assignment.related(assignment.type() == OrgTypes.USER_PACKAGE_LICENSE ? "PackageLicense"
				: "PermissionSetLicense");
		if (license instanceof Row seats && used(seats) > 0 && holdsSeat(assignment)) {
			seats.set("UsedLicenses", used(seats) - 1);
		}
	}

	/**
	 * Whether a live assignment counts against its license's UsedLicenses: always, except a permission set license
	 * Salesforce releases on deactivation assigned to an inactive user.
	 */
	static boolean holdsSeat(Row assignment) {
		if (assignment.type() != OrgTypes.PERMISSION_SET_LICENSE_ASSIGN || !releasedOnDeactivation(assignment)) {
			return true;
		}
		OrgRecord assignee = assignment.related("Assignee");
		return assignee != null && Boolean.TRUE.equals(assignee.fieldValue("IsActive"));
	}

	private static boolean releasedOnDeactivation(Row assignment) {
		return LicenseCatalog.RELEASED_ON_DEACTIVATION.contains(assignment.value("PermissionSetLicense.DeveloperName"));
	}

	/**
	 * Sets every used count from the data: what {@link OrgFacts#usedByModel()} counts. Site licenses (AllowedLicenses
	 * -1) keep -1.
	 */
	void recount() {
		OrgFacts facts = OrgFacts.of(this.org);
		for (Row license : this.org.table(OrgTypes.USER_LICENSE).rows()) {
			license.set("UsedLicenses", facts.activeUsersByLicense().getOrDefault(license.fieldValue("LicenseDefinitionKey"), 0));
			license.set("MonthlyLoginsUsed", facts.monthlyLoginsUsed().get("UserLicense:" + license.fieldValue("LicenseDefinitionKey")));
		}
		for (Row psl : this.org.table(OrgTypes.PERMISSION_SET_LICENSE).rows()) {
			psl.set("UsedLicenses", facts.usedByModel().getOrDefault("PermissionSetLicense:" + psl.fieldValue("DeveloperName"), 0));
		}
		for (Row pkg : this.org.table(OrgTypes.PACKAGE_LICENSE).rows()) {
			if ((int) pkg.requiredValue("AllowedLicenses") != -1) {
				pkg.set("UsedLicenses", facts.assignmentsByPackage().getOrDefault(pkg.fieldValue("NamespacePrefix"), 0));
			}
		}
	}

	static @Nullable Boolean activeValue(Map<String, @Nullable Object> fields) {
		for (Map.Entry<String, @Nullable Object> field : fields.entrySet()) {
			if ("IsActive".equalsIgnoreCase(field.getKey()) && field.getValue() instanceof Boolean value) {
				return value;
			}
		}
		return null;
	}

	static @Nullable Row licenseOf(Row user) {
		OrgRecord profile = user.related("Profile");
		return profile != null ? (Row) profile.related("UserLicense") : null;
	}

	private static int used(Row license) {
		return (int) license.requiredValue("UsedLicenses");
	}

}
