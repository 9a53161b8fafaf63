package dev.seatkeeper.sandbox.org;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Collects Salesforce's daily license metrics ({@code ActiveFeatureLicenseMetric}, {@code ActivePermSetLicenseMetric})
 * for the last {@value #DAYS} days before the org's "now", each as of the end of its metrics date, so a client that
 * compares them with today's data sees what Salesforce shows: counts of yesterday, not of now.
 * <ul>
 * <li>Assigned, as of the end of the metrics date: for a feature license, active users holding the flag and created
 * by then; for a permission set license, live assignments created by then that hold a seat (as {@code UsedLicenses}
 * counts them).</li>
 * <li>Active: those assignees, active users, with a successful login in the 30 days before the end of the
 * date (the object reference: "logged in within the last 30 days").</li>
 * <li>A feature license has a row only where the org has it: its {@code UserPermissions*} flag exists and is not
 * hidden ({@code hideField} plays an org without the feature).</li>
 * </ul>
 * The generator keeps no history of flags, activations or deletions, so those are taken as they are now. Writes made
 * after collection (deactivations, reclaims) leave the metrics unchanged until the next day's collection, as in
 * Salesforce. Runs once, under no lock, before the org is served.
 */
public final class LicenseMetrics {

	/** Metrics dates kept: the client must pick the latest, not read them all. */
	public static final int DAYS = 3;

	private static final long SALT = 0x4d45545249435351L;

	private static final Duration ACTIVE_WINDOW = Duration.ofDays(30);

	private LicenseMetrics() {
	}

	/** Adds both metric objects to the org, unless it has them already. */
	public static void collect(SandboxOrg org) {
		if (org.hasObject(OrgTypes.ACTIVE_FEATURE_LICENSE_METRIC.name())) {
			return;
		}
		LocalDate today = LocalDate.ofInstant(org.now(), ZoneOffset.UTC);
		List<LocalDate> dates = new ArrayList<>();
		for (int day = DAYS; day >= 1; day--) {
			dates.add(today.minusDays(day));
		}
		List<Set<String>> loggedIn = loggedInWithin30Days(org, dates);
		org.addTable(OrgTypes.ACTIVE_FEATURE_LICENSE_METRIC);
		org.addTable(OrgTypes.ACTIVE_PERM_SET_LICENSE_METRIC);
		SplittableRandom random = new SplittableRandom(org.spec().seed() ^ SALT);
		List<String> flags = OrgTypes.USER_PERMISSIONS.stream()
			.filter((flag) -> org.runAs().sees("User", flag))
			.toList();
		int[] totals = new int[flags.size()];
		for (int i = 0; i < dates.size(); i++) {
			Instant end = endOf(dates.get(i));
			for (int f = 0; f < flags.size(); f++) {
				int[] counts = featureCounts(org, flags.get(f), end, loggedIn.get(i));
				if (totals[f] == 0) {
					// Bought with some headroom; Salesforce refuses to assign beyond the total, so never below.
					totals[f] = counts[0] + Math.max(1, counts[0] / 8) + random.nextInt(3);
				}
				org.newRow(OrgTypes.ACTIVE_FEATURE_LICENSE_METRIC)
					.set("FeatureType", flags.get(f).substring("UserPermissions".length()))
					.set("TotalLicenseCount", Math.max(totals[f], counts[0]))
					.set("AssignedUserCount", counts[0])
					.set("ActiveUserCount", counts[1])
					.set("MetricsDate", dates.get(i))
					.set("SystemModstamp", end.plusSeconds(3600));
			}
			for (Row psl : org.table(OrgTypes.PERMISSION_SET_LICENSE).rows()) {
				int[] counts = permissionSetLicenseCounts(org, psl, end, loggedIn.get(i));
				org.newRow(OrgTypes.ACTIVE_PERM_SET_LICENSE_METRIC)
					.set("PermissionSetLicenseId", psl.id())
					.set("DeveloperName", psl.fieldValue("DeveloperName"))
					.set("MasterLabel", psl.fieldValue("MasterLabel"))
					.set("TotalLicenses", psl.fieldValue("TotalLicenses"))
					.set("AssignedUserCount", counts[0])
					.set("ActiveUserCount", counts[1])
					.set("MetricsDate", dates.get(i))
					.set("SystemModstamp", end.plusSeconds(3600));
			}
		}
	}

	/** The instant a metrics date's counts are as of: the end of that day, UTC. */
	public static Instant endOf(LocalDate metricsDate) {
		return metricsDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** Per date: the users with a successful login in the 30 days before its end. One pass over the history. */
	private static List<Set<String>> loggedInWithin30Days(SandboxOrg org, List<LocalDate> dates) {
		List<Set<String>> users = new ArrayList<>();
		dates.forEach((date) -> users.add(new HashSet<>()));
		LoginHistoryTable history = org.loginHistory();
		for (int e = 0; e < history.size(); e++) {
			if (!history.success(e)) {
				continue;
			}
			long second = history.epochSecond(e);
			for (int i = 0; i < dates.size(); i++) {
				long end = endOf(dates.get(i)).getEpochSecond();
				if (second < end && second >= end - ACTIVE_WINDOW.toSeconds()) {
					users.get(i).add(history.userId(e));
				}
			}
		}
		return users;
	}

	/** {assigned, active} of a feature flag as of the end instant. */
	private static int[] featureCounts(SandboxOrg org, String flag, Instant end, Set<String> loggedIn) {
		int[] counts = new int[2];
		for (Row user : org.table(OrgTypes.USER).rows()) {
			if (Boolean.TRUE.equals(user.fieldValue("IsActive")) && Boolean.TRUE.equals(user.fieldValue(flag))
					&& ((Instant) user.requiredValue("CreatedDate")).isBefore(end)) {
				counts[0]++;
				counts[1] += loggedIn.contains(user.id()) ? 1 : 0;
			}
		}
		return counts;
	}

	/** {assigned, active} of a permission set license as of the end instant. */
	private static int[] permissionSetLicenseCounts(SandboxOrg org, Row psl, Instant end, Set<String> loggedIn) {
		int[] counts = new int[2];
		for (Row assignment : org.table(OrgTypes.PERMISSION_SET_LICENSE_ASSIGN).rows()) {
			if (assignment.isDeleted() || !psl.id().equals(assignment.fieldValue("PermissionSetLicenseId"))
					|| !((Instant) assignment.requiredValue("CreatedDate")).isBefore(end) || !LicenseSeats.holdsSeat(assignment)) {
				continue;
			}
			counts[0]++;
			OrgRecord assignee = assignment.related("Assignee");
			boolean active = assignee != null && Boolean.TRUE.equals(assignee.fieldValue("IsActive"));
			counts[1] += (active && loggedIn.contains(String.valueOf(assignment.fieldValue("AssigneeId")))) ? 1 : 0;
		}
		return counts;
	}

}
