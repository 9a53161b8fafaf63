package dev.seatkeeper.sandbox.org;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates an org from an {@link OrgSpec}: the organization, user licenses and profiles, users with their
 * activity and login history, then license assignments and usage entitlements. Every random choice comes from one
 * {@link SplittableRandom} seeded by the spec and consumed in a fixed order, so equal specs give equal orgs.
 * 100,000 users with about 3M login events fit in a few hundred MB.
 */
public final class OrgGenerator {

	private OrgGenerator() {
	}

	public static SandboxOrg generate(OrgSpec spec) {
		SandboxOrg org = new SandboxOrg(spec);
		SplittableRandom random = new SplittableRandom(spec.seed());
		Instant orgCreated = spec.now().minus(Duration.ofDays(Math.max(spec.loginDays(), 400) + 800L));
		org.newRow(OrgTypes.ORGANIZATION)
			.set("Name", "Acme Corporation")
			.set("OrganizationType", "Enterprise Edition")
			.set("InstanceName", "SANDBOX1")
			.set("DefaultLocaleSidKey", "en_US")
			.set("LanguageLocaleKey", "en_US")
			.set("TimeZoneSidKey", "America/Los_Angeles")
			.set("IsSandbox", false)
			.set("CreatedDate", orgCreated);
		List<Row> licenses = licenses(org, orgCreated);
		List<Row> profiles = profiles(org, licenses, orgCreated);
		new UserGenerator(org, random, profiles, orgCreated).generate();
		new AssignmentGenerator(org, random).generate();
		org.writer().recountLicenses();
		LicenseTotals.assign(org, random);
		new PermissionSetGenerator(org, new SplittableRandom(spec.seed() ^ PermissionSetGenerator.SALT)).generate();
		new PermissionSetGroupGenerator(org, new SplittableRandom(spec.seed() ^ PermissionSetGroupGenerator.SALT))
			.generate();
		// After every other permission set exists: it gives them all their permission fields (never null).
		new ProfilePermissionSets(org).generate();
		new CrmRecordGenerator(org, new SplittableRandom(spec.seed() ^ CrmRecordGenerator.SALT)).generate();
		return org;
	}

	private static List<Row> licenses(SandboxOrg org, Instant created) {
		List<Row> rows = new ArrayList<>();
		for (LicenseCatalog.License license : LicenseCatalog.LICENSES) {
			rows.add(org.newRow(OrgTypes.USER_LICENSE)
				.set("Name", license.name())
				.set("MasterLabel", license.name())
				.set("LicenseDefinitionKey", license.key())
				.set("Status", "Active")
				.set("UsedLicenses", 0)
				.set("CreatedDate", created)
				.set("LastModifiedDate", org.now())
				.set("UsedLicensesLastUpdated", org.now()));
		}
		return rows;
	}

	private static List<Row> profiles(SandboxOrg org, List<Row> licenses, Instant created) {
		List<Row> rows = new ArrayList<>();
		for (LicenseCatalog.Profile profile : LicenseCatalog.PROFILES) {
			rows.add(org.newRow(OrgTypes.PROFILE)
				.set("Name", profile.name())
				.set("UserType", LicenseCatalog.LICENSES.get(profile.license()).userType())
				.set("UserLicenseId", licenses.get(profile.license()).id())
				.set("CreatedDate", created)
				.set("LastModifiedDate", created));
		}
		return rows;
	}

}
