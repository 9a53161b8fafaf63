package dev.seatkeeper.sandbox.org;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Gives a generated org records beyond its users that break careless storage (sandbox option {@code awkwardRecords}),
 * as data loaded past Salesforce's validation or grown past a client's columns would: a login whose Application is
 * 300 characters (Salesforce: 64); a permission set license whose DeveloperName is 120 characters (80) and a
 * managed package whose namespace is 20 (15), each assigned to users; usage entitlements with a broken StartDate
 * ({@code 2026-02-30}), an AmountUsed of 10^25 and a Setting (the metric's key) of 150 characters (120); and two profiles
 * named with emoji, one of exactly Salesforce's 255 characters (510 UTF-16 units, which a database counting UTF-16
 * units refuses in a 255 column), one of 256. Applied once after generation, before the org serves a request.
 */
public final class AwkwardRecords {

	public static final String LONG_APPLICATION = "Connected App " + "x".repeat(286);

	public static final String LONG_PERMISSION_SET_LICENSE = "Awkward_" + "p".repeat(112);

	public static final String LONG_NAMESPACE = "awkwardnamespace1234";

	public static final String BROKEN_START_DATE = "2026-02-30";

	public static final double HUGE_AMOUNT = 1e25;

	public static final String LONG_RESOURCE_GROUP_KEY = "Awkward" + "K".repeat(143);

	/** 255 characters, every fifth an emoji: what Salesforce allows for Profile.Name, in 306 UTF-16 units. */
	public static final String EMOJI_PROFILE_AT_LIMIT = emojiName(255);

	public static final String EMOJI_PROFILE_OVER_LIMIT = emojiName(256);

	/** Users (positions in the user table) the records are attached to; clear of {@link AwkwardUsers}'. */
	private static final int FIRST = 20;

	private AwkwardRecords() {
	}

	/** The Ids of what was added or changed, for tests to look for. */
	public record Ids(String login, String permissionSetLicense, List<String> permissionSetLicenseAssignments,
			String packageLicense, String packageAssignment, String brokenDateEntitlement, String hugeAmountEntitlement,
			String longKeyEntitlement, String userWithProfileAtLimit, String userWithProfileOverLimit) {
	}

	public static Ids apply(SandboxOrg org) {
		RowTable users = org.table(OrgTypes.USER);
		if (users.size() <= FIRST + 3) {
			throw new IllegalArgumentException("awkward records need an org of at least " + (FIRST + 4) + " users");
		}
		synchronized (org) {
			Row first = users.record(FIRST);
			Row second = users.record(FIRST + 1);
			Instant created = (Instant) org.table(OrgTypes.ORGANIZATION).record(0).requiredValue("CreatedDate");
			Row psl = org.newRow(OrgTypes.PERMISSION_SET_LICENSE)
				.set("DeveloperName", LONG_PERMISSION_SET_LICENSE)
				.set("MasterLabel", "Awkward permission set license")
				.set("PermissionSetLicenseKey", "AWKWARD")
				.set("Status", "Active")
				.set("TotalLicenses", 10)
				.set("UsedLicenses", 2)
				.set("CreatedDate", created);
			List<String> pslAssignments = List.of(assign(org, psl, first, created), assign(org, psl, second, created));
			Row pkg = org.newRow(OrgTypes.PACKAGE_LICENSE)
				.set("NamespacePrefix", LONG_NAMESPACE)
				.set("Status", "Active")
				.set("AllowedLicenses", 5)
				.set("UsedLicenses", 1)
				.set("IsProvisioned", true)
				.set("CreatedDate", created);
			Row pkgAssignment = org.newRow(OrgTypes.USER_PACKAGE_LICENSE)
				.set("PackageLicenseId", pkg.id())
				.set("UserId", first.id())
				.set("IsDeleted", false)
				.set("CreatedDate", created)
				.set("SystemModstamp", created);
			LocalDate today = LocalDate.ofInstant(org.now(), ZoneOffset.UTC);
			Row broken = entitlement(org, "Awkward dates", "AwkwardDates", today).set("StartDate", BROKEN_START_DATE);
			Row huge = entitlement(org, "Awkward amounts", "AwkwardAmounts", today).set("AmountUsed", HUGE_AMOUNT);
			Row longKey = entitlement(org, "Awkward key", LONG_RESOURCE_GROUP_KEY, today);
			Row atLimit = users.record(FIRST + 2);
			Row overLimit = users.record(FIRST + 3);
			profile(org, atLimit, EMOJI_PROFILE_AT_LIMIT, created);
			profile(org, overLimit, EMOJI_PROFILE_OVER_LIMIT, created);
			String login = login(org, second);
			return new Ids(login, psl.id(), pslAssignments, pkg.id(), pkgAssignment.id(), broken.id(), huge.id(),
					longKey.id(), atLimit.id(), overLimit.id());
		}
	}

	private static String assign(SandboxOrg org, Row psl, Row user, Instant created) {
		return org.newRow(OrgTypes.PERMISSION_SET_LICENSE_ASSIGN)
			.set("AssigneeId", user.id())
			.set("PermissionSetLicenseId", psl.id())
			.set("IsDeleted", false)
			.set("CreatedDate", created)
			.set("SystemModstamp", created)
			.id();
	}

	private static Row entitlement(SandboxOrg org, String label, String key, LocalDate today) {
		return org.newRow(OrgTypes.TENANT_USAGE_ENTITLEMENT)
			.set("MasterLabel", label)
			.set("ResourceGroupKey", key)
			.set("Setting", key)
			.set("Frequency", "Monthly")
			.set("StartDate", today.withDayOfMonth(1))
			.set("EndDate", today.withDayOfMonth(1).plusMonths(1).minusDays(1))
			.set("CurrentAmountAllowed", 1000.0)
			.set("AmountUsed", 10.0)
			.set("UsageDate", today)
			.set("IsPersistentResource", false)
			.set("HasRollover", false);
	}

	/** Moves the user to a new profile of the given name that grants the same user license. */
	private static void profile(SandboxOrg org, Row user, String name, Instant created) {
		Row current = (Row) Objects.requireNonNull(user.related("Profile"), "every generated user has a profile");
		Row profile = org.newRow(OrgTypes.PROFILE)
			.set("Name", name)
			.set("UserType", current.fieldValue("UserType"))
			.set("UserLicenseId", current.fieldValue("UserLicenseId"))
			.set("CreatedDate", created)
			.set("LastModifiedDate", created);
		user.set("ProfileId", profile.id());
	}

	/** A login at the org's latest login second, through the client whose Application is too long. */
	private static String login(SandboxOrg org, Row user) {
		LoginHistoryTable history = org.loginHistory();
		int position = org.table(OrgTypes.USER).from("Id", user.id(), true);
		int index = history.append(history.lastSecond(), position, true, 0, LoginHistoryTable.AWKWARD_CLIENT);
		return history.id(index);
	}

	private static String emojiName(int characters) {
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < characters; i++) {
			name.appendCodePoint((i % 5 == 4) ? 0x1F600 : 'a' + (i % 26));
		}
		return name.toString();
	}

}
