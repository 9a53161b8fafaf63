package dev.seatkeeper.sandbox.org;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Creates what hangs off users once they exist: their UserLogin (a few frozen, mostly dormant ones), permission
 * set license and managed package assignments for full Salesforce users (3% already deleted, so
 * {@code queryAll} has something to show), the packages themselves (one a site license) and usage
 * entitlements. Assignments are created user by user, so their Ids follow creation order too.
 */
final class AssignmentGenerator {

	private final SandboxOrg org;

	private final SplittableRandom random;

	AssignmentGenerator(SandboxOrg org, SplittableRandom random) {
		this.org = org;
		this.random = random;
	}

	void generate() {
		List<Row> psls = permissionSetLicenses();
		List<Row> packages = packages();
		String sfdcLicense = this.org.table(OrgTypes.USER_LICENSE).record(LicenseCatalog.SFDC).id();
		for (Row user : this.org.table(OrgTypes.USER).rows()) {
			userLogin(user);
			Row profile = (Row) user.related("Profile");
			if (profile != null && sfdcLicense.equals(profile.fieldValue("UserLicenseId"))) {
				assign(user, psls, packages);
			}
		}
		entitlements();
	}

	private void userLogin(Row user) {
		Instant last = (Instant) user.fieldValue("LastLoginDate");
		boolean dormant = last != null && last.isBefore(this.org.now().minus(Duration.ofDays(90)));
		int draw = this.random.nextInt(100);
		boolean frozen = Boolean.TRUE.equals(user.fieldValue("IsActive")) && draw < (dormant ? 10 : 1)
				&& !this.org.protectedUsers().containsKey(user.id());
		this.org.newRow(OrgTypes.USER_LOGIN)
			.set("UserId", user.id())
			.set("IsFrozen", frozen)
			.set("IsPasswordLocked", this.random.nextInt(200) == 0)
			.set("LastModifiedDate", user.fieldValue("CreatedDate"));
	}

	private void assign(Row user, List<Row> psls, List<Row> packages) {
		Instant created = ((Instant) user.requiredValue("CreatedDate")).plus(Duration.ofDays(1));
		for (int i = 0; i < psls.size(); i++) {
			if (this.random.nextDouble() < LicenseCatalog.PERMISSION_SET_LICENSES.get(i).share()) {
				this.org.newRow(OrgTypes.PERMISSION_SET_LICENSE_ASSIGN)
					.set("AssigneeId", user.id())
					.set("PermissionSetLicenseId", psls.get(i).id())
					.set("IsDeleted", this.random.nextInt(100) < 3)
					.set("CreatedDate", created)
					.set("SystemModstamp", created);
			}
		}
		for (int i = 0; i < packages.size(); i++) {
			LicenseCatalog.Package pkg = LicenseCatalog.PACKAGES.get(i);
			if (!pkg.siteLicense() && this.random.nextDouble() < pkg.share()) {
				this.org.newRow(OrgTypes.USER_PACKAGE_LICENSE)
					.set("PackageLicenseId", packages.get(i).id())
					.set("UserId", user.id())
					.set("IsDeleted", this.random.nextInt(100) < 3)
					.set("CreatedDate", created)
					.set("SystemModstamp", created);
			}
		}
	}

	private List<Row> permissionSetLicenses() {
		List<Row> rows = new ArrayList<>();
		LocalDate expires = LocalDate.ofInstant(this.org.now(), ZoneOffset.UTC).plusYears(1).withDayOfMonth(1);
		for (LicenseCatalog.PermissionSetLicense psl : LicenseCatalog.PERMISSION_SET_LICENSES) {
			rows.add(this.org.newRow(OrgTypes.PERMISSION_SET_LICENSE)
				.set("DeveloperName", psl.developerName())
				.set("MasterLabel", psl.label())
				.set("PermissionSetLicenseKey", psl.key())
				.set("Status", "Active")
				.set("ExpirationDate", expires)
				.set("UsedLicenses", 0)
				.set("CreatedDate", this.org.table(OrgTypes.ORGANIZATION).record(0).fieldValue("CreatedDate")));
		}
		return rows;
	}

	private List<Row> packages() {
		List<Row> rows = new ArrayList<>();
		for (LicenseCatalog.Package pkg : LicenseCatalog.PACKAGES) {
			rows.add(this.org.newRow(OrgTypes.PACKAGE_LICENSE)
				.set("NamespacePrefix", pkg.namespace())
				.set("Status", "Active")
				.set("AllowedLicenses", pkg.siteLicense() ? -1 : 0)
				.set("UsedLicenses", pkg.siteLicense() ? -1 : 0)
				.set("IsProvisioned", true)
				.set("ExpirationDate", null)
				.set("CreatedDate", this.org.table(OrgTypes.ORGANIZATION).record(0).fieldValue("CreatedDate")));
		}
		return rows;
	}

	/**
	 * Usage-based entitlements. Two rows share the {@code PlatformEvents} resource group (delivery and publishing are
	 * allowed and counted apart, told by their {@code Setting}), as a group key may cover several rows. The published
	 * events row comes last and draws nothing from the random, so every other generated figure stays as it was.
	 */
	private void entitlements() {
		LocalDate today = LocalDate.ofInstant(this.org.now(), ZoneOffset.UTC);
		String[][] rows = { { "Data Storage (MB)", "DataStorage", "DataStorage", "Daily" },
				{ "File Storage (MB)", "FileStorage", "FileStorage", "Daily" },
				{ "Platform Events Delivered", "PlatformEvents", "PlatformEventsDelivered", "Monthly" },
				{ "Einstein Requests", "EinsteinRequests", "EinsteinRequests", "Yearly" },
				{ "Customer Community Logins", "CommunityLogins", "CommunityLogins", "Monthly" } };
		double[] allowed = { 1024 + this.org.spec().users() * 0.02, 2048 + this.org.spec().users() * 2.0, 50_000,
				100_000, 10_000 };
		for (int i = 0; i < rows.length; i++) {
			entitlement(rows[i], allowed[i], Math.floor(allowed[i] * (0.2 + 0.9 * this.random.nextDouble())), i < 2, today);
		}
		entitlement(new String[] { "Platform Events Published", "PlatformEvents", "PlatformEventsPublished", "Monthly" },
				250_000, 87_500, false, today);
	}

	private void entitlement(String[] labelGroupSettingFrequency, double allowed, double used, boolean persistent,
			LocalDate today) {
		this.org.newRow(OrgTypes.TENANT_USAGE_ENTITLEMENT)
			.set("MasterLabel", labelGroupSettingFrequency[0])
			.set("ResourceGroupKey", labelGroupSettingFrequency[1])
			.set("Setting", labelGroupSettingFrequency[2])
			.set("Frequency", labelGroupSettingFrequency[3])
			.set("StartDate", today.withDayOfYear(1))
			.set("EndDate", today.withDayOfYear(1).plusYears(1).minusDays(1))
			.set("CurrentAmountAllowed", allowed)
			.set("AmountUsed", used)
			.set("UsageDate", today)
			.set("IsPersistentResource", persistent)
			.set("HasRollover", false);
	}

}
