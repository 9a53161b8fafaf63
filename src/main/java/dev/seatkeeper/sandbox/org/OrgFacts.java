package dev.seatkeeper.sandbox.org;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Ground truth about an org, computed from its data, for tests and benchmarks to check results against.
 * "Dormant" means active with a last login more than 90 days before the org's "now".
 *
 * @param activeUsersByLicense active users per LicenseDefinitionKey: what UserLicense.UsedLicenses must say
 * @param assignmentsByPermissionSetLicense live (not deleted) assignments per PermissionSetLicense DeveloperName
 * @param assignmentsByPackage live UserPackageLicense rows per PackageLicense NamespacePrefix
 * @param usedByModel what Salesforce reports as used per model, keyed as Seatkeeper names models
 * ({@code UserLicense:SFDC}, {@code PermissionSetLicense:...}, {@code PackageLicense:...}): active users for user
 * licenses, live assignments for permission set and package licenses except
 * those released on deactivation held by inactive users; site licenses (no seat count) are left out
 * @param monthlyLoginsUsed per login-based user license model ({@code UserLicense:PID_Customer_Community_Login}):
 * what {@code MonthlyLoginsUsed} must say, counted from the login history: successful logins this calendar month (UTC)
 * of the license's users, a user's logins of one day counting once
 * @param monthlyLoginsEntitled per login-based user license model: its {@code MonthlyLoginsEntitlement}
 * @param featureHolders active users holding each feature license flag the org has, keyed
 * {@code FeatureLicense:SupportUser}: what Seatkeeper counts as assigned
 * @param latestMetrics Salesforce's latest daily license metric per model ({@code FeatureLicense:...} from
 * ActiveFeatureLicenseMetric, {@code PermissionSetLicense:...} from ActivePermSetLicenseMetric), as collected; empty
 * when the org has no metrics
 */
public record OrgFacts(int users, int activeUsers, int inactiveUsers, int neverLoggedIn, int dormantUsers,
		int frozenUsers, long loginEvents, long successfulLogins, long failedLogins, int deletedAssignments,
		Map<String, Integer> activeUsersByLicense, Map<String, Integer> assignmentsByPermissionSetLicense,
		Map<String, Integer> assignmentsByPackage, Set<String> protectedUserIds, Map<String, Integer> usedByModel,
		Map<String, Integer> monthlyLoginsUsed, Map<String, Integer> monthlyLoginsEntitled,
		Map<String, Integer> featureHolders, Map<String, Metric> latestMetrics) {

	/** One row of a license metric object: the counts as of the end of {@code metricsDate}. */
	public record Metric(LocalDate metricsDate, int total, int assigned, int active) {
	}

	static OrgFacts of(SandboxOrg org) {
		Counter counter = new Counter(org.now().minus(Duration.ofDays(90)));
		org.table(OrgTypes.USER).rows().forEach(counter::user);
		org.table(OrgTypes.USER_LOGIN).rows().forEach(counter::userLogin);
		org.table(OrgTypes.PERMISSION_SET_LICENSE_ASSIGN).rows().forEach((row) -> counter.assignment(row,
				"PermissionSetLicense", "DeveloperName", counter.byPsl));
		org.table(OrgTypes.USER_PACKAGE_LICENSE).rows().forEach((row) -> counter.assignment(row,
				"PackageLicense", "NamespacePrefix", counter.byPackage));
		long failed = 0;
		LoginHistoryTable history = org.loginHistory();
		for (int i = 0; i < history.size(); i++) {
			failed += history.success(i) ? 0 : 1;
		}
		return new OrgFacts(counter.users, counter.active, counter.users - counter.active, counter.never,
				counter.dormant, counter.frozen, history.size(), history.size() - failed, failed, counter.deleted,
				sorted(counter.byLicense), sorted(counter.byPsl), sorted(counter.byPackage),
				Collections.unmodifiableSet(new TreeSet<>(org.protectedUsers().keySet())), sorted(usedByModel(org)),
				sorted(monthlyLoginsUsed(org)), sorted(monthlyLoginsEntitled(org)), sorted(featureHolders(org)),
				latestMetrics(org));
	}

	/**
	 * Successful logins this calendar month (UTC) of each login-based license's users, one a user a day. That
	 * Salesforce counts a user's logins of one day once is not confirmed by a Salesforce document (see the README's
	 * conformance table).
	 */
	static Map<String, Integer> monthlyLoginsUsed(SandboxOrg org) {
		Map<String, Integer> used = new TreeMap<>();
		String[] licenseOfUser = new String[org.table(OrgTypes.USER).size()];
		int position = 0;
		for (Row user : org.table(OrgTypes.USER).rows()) {
			Object key = user.value("Profile.UserLicense.LicenseDefinitionKey");
			if (LicenseCatalog.isLoginBased(key)) {
				licenseOfUser[position] = "UserLicense:" + key;
				used.putIfAbsent(licenseOfUser[position], 0);
			}
			position++;
		}
		for (LicenseCatalog.License license : LicenseCatalog.LICENSES) {
			if (license.loginBased()) {
				used.putIfAbsent("UserLicense:" + license.key(), 0);
			}
		}
		long monthStart = LocalDate.ofInstant(org.now(), ZoneOffset.UTC).withDayOfMonth(1)
			.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
		Set<Long> userDays = new HashSet<>();
		LoginHistoryTable history = org.loginHistory();
		for (int i = 0; i < history.size(); i++) {
			long second = history.epochSecond(i);
			int user = history.user(i);
			if (second >= monthStart && user < licenseOfUser.length && licenseOfUser[user] != null
					&& history.success(i) && userDays.add(((long) user << 32) | (second / 86_400))) {
				used.merge(licenseOfUser[user], 1, Integer::sum);
			}
		}
		return used;
	}

	private static Map<String, Integer> monthlyLoginsEntitled(SandboxOrg org) {
		Map<String, Integer> entitled = new TreeMap<>();
		for (Row license : org.table(OrgTypes.USER_LICENSE).rows()) {
			if (license.fieldValue("MonthlyLoginsEntitlement") instanceof Integer logins) {
				entitled.put("UserLicense:" + license.fieldValue("LicenseDefinitionKey"), logins);
			}
		}
		return entitled;
	}

	private static Map<String, Integer> featureHolders(SandboxOrg org) {
		Map<String, Integer> holders = new TreeMap<>();
		for (String flag : OrgTypes.USER_PERMISSIONS) {
			if (org.runAs().sees("User", flag)) {
				holders.put("FeatureLicense:" + flag.substring("UserPermissions".length()), 0);
			}
		}
		for (Row user : org.table(OrgTypes.USER).rows()) {
			for (String flag : OrgTypes.USER_PERMISSIONS) {
				if (Boolean.TRUE.equals(user.fieldValue("IsActive")) && Boolean.TRUE.equals(user.fieldValue(flag))) {
					holders.computeIfPresent("FeatureLicense:" + flag.substring("UserPermissions".length()),
							(key, count) -> count + 1);
				}
			}
		}
		return holders;
	}

	/** The rows of the latest metrics date, as stored: they are what Salesforce says, not recounted now. */
	private static Map<String, Metric> latestMetrics(SandboxOrg org) {
		Map<String, Metric> latest = new TreeMap<>();
		if (!org.hasObject(OrgTypes.ACTIVE_FEATURE_LICENSE_METRIC.name())) {
			return Collections.unmodifiableMap(latest);
		}
		for (Row row : org.table(OrgTypes.ACTIVE_FEATURE_LICENSE_METRIC).rows()) {
			keepLatest(latest, "FeatureLicense:" + row.fieldValue("FeatureType"), row, "TotalLicenseCount");
		}
		for (Row row : org.table(OrgTypes.ACTIVE_PERM_SET_LICENSE_METRIC).rows()) {
			keepLatest(latest, "PermissionSetLicense:" + row.fieldValue("DeveloperName"), row, "TotalLicenses");
		}
		return Collections.unmodifiableMap(latest);
	}

	private static void keepLatest(Map<String, Metric> latest, String model, Row row, String totalField) {
		Metric metric = new Metric((LocalDate) row.requiredValue("MetricsDate"), (int) row.requiredValue(totalField),
				(int) row.requiredValue("AssignedUserCount"), (int) row.requiredValue("ActiveUserCount"));
		latest.merge(model, metric, (a, b) -> a.metricsDate().isAfter(b.metricsDate()) ? a : b);
	}

	/** Counted from the data, not read from the UsedLicenses fields, so a test can tell when those drift. */
	private static Map<String, Integer> usedByModel(SandboxOrg org) {
		Map<String, Integer> used = new TreeMap<>();
		for (Row license : org.table(OrgTypes.USER_LICENSE).rows()) {
			used.put("UserLicense:" + license.fieldValue("LicenseDefinitionKey"), 0);
		}
		for (Row psl : org.table(OrgTypes.PERMISSION_SET_LICENSE).rows()) {
			used.put("PermissionSetLicense:" + psl.fieldValue("DeveloperName"), 0);
		}
		for (Row pkg : org.table(OrgTypes.PACKAGE_LICENSE).rows()) {
			if ((int) pkg.requiredValue("AllowedLicenses") != -1) {
				used.put("PackageLicense:" + pkg.fieldValue("NamespacePrefix"), 0);
			}
		}
		for (Row user : org.table(OrgTypes.USER).rows()) {
			if (Boolean.TRUE.equals(user.fieldValue("IsActive"))) {
				used.merge("UserLicense:" + user.value("Profile.UserLicense.LicenseDefinitionKey"), 1, Integer::sum);
			}
		}
		for (Row assignment : org.table(OrgTypes.PERMISSION_SET_LICENSE_ASSIGN).rows()) {
			if (!assignment.isDeleted() && LicenseSeats.holdsSeat(assignment)) {
				used.merge("PermissionSetLicense:" + assignment.value("PermissionSetLicense.DeveloperName"), 1,
						Integer::sum);
			}
		}
		for (Row assignment : org.table(OrgTypes.USER_PACKAGE_LICENSE).rows()) {
			String key = "PackageLicense:" + assignment.value("PackageLicense.NamespacePrefix");
			if (!assignment.isDeleted() && used.containsKey(key)) {
				used.merge(key, 1, Integer::sum);
			}
		}
		return used;
	}

	/** Sorted and read-only, so the facts print and serialise the same way every time. */
	private static Map<String, Integer> sorted(Map<String, Integer> counts) {
		return Collections.unmodifiableMap(new TreeMap<>(counts));
	}

	/** Accumulates the counts in one pass over each table. */
	private static final class Counter {

		private final Instant dormantBefore;

		private final Map<String, Integer> byLicense = new TreeMap<>();

		private final Map<String, Integer> byPsl = new TreeMap<>();

		private final Map<String, Integer> byPackage = new TreeMap<>();

		private int users;

		private int active;

		private int never;

		private int dormant;

		private int frozen;

		private int deleted;

		Counter(Instant dormantBefore) {
			this.dormantBefore = dormantBefore;
		}

		void user(Row user) {
			this.users++;
			Instant last = (Instant) user.fieldValue("LastLoginDate");
			this.never += last == null ? 1 : 0;
			if (Boolean.TRUE.equals(user.fieldValue("IsActive"))) {
				this.active++;
				this.dormant += last != null && last.isBefore(this.dormantBefore) ? 1 : 0;
				Object key = user.value("Profile.UserLicense.LicenseDefinitionKey");
				this.byLicense.merge((String) key, 1, Integer::sum);
			}
		}

		void userLogin(Row login) {
			this.frozen += Boolean.TRUE.equals(login.fieldValue("IsFrozen")) ? 1 : 0;
		}

		void assignment(Row row, String relationship, String nameField, Map<String, Integer> counts) {
			if (row.isDeleted()) {
				this.deleted++;
				return;
			}
			counts.merge((String) row.value(relationship + "." + nameField), 1, Integer::sum);
		}

	}

}
