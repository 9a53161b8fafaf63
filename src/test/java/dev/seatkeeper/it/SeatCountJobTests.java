package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Exclusions;
import dev.seatkeeper.profile.ReclamationSettings.Holders;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.ObjectType;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The position counts seats the way Salesforce bills them: for every model of every kind, {@code assigned} equals
 * the used count Salesforce itself reports (the sandbox's facts), and the drift column says so, on a fresh org and
 * after users are deactivated (package seats and most permission set licenses stay taken; CPQ's are released).
 * On H2 and the MySQL-compatible server.
 */
class SeatCountJobTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void assignedIsWhatSalesforceCountsOnAFreshOrgAndAfterDeactivations(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(500).seed(13).loginDays(30).now(NOW).build().start()) {
			Profile profile = TestProfiles.of("acme", sandbox).build();
			try (JobHarness first = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
					TestProfiles.properties(sandbox))) {
				assertThat(first.run(profile, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);
				SeatCounts.assertAssignedIsSalesforces(first.jdbc(), "acme", RUN_DATE, sandbox);
				int consoleSeats = SeatCounts.assigned(first.jdbc(), "acme", RUN_DATE, "PermissionSetLicense:SalesConsoleUser");

				List<Row> leavers = leavers(sandbox);
				leavers.forEach(user -> sandbox.org().writer().update(user.id(), Map.of("IsActive", false)));

				Instant secondNight = NOW.plus(Duration.ofDays(1));
				try (JobHarness second = first.restartOnSameDatabase(Clock.fixed(secondNight, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
					assertThat(second.run(profile, RUN_DATE.plusDays(1)).exitCode()).isEqualTo(ExitCode.OK);
					SeatCounts.assertAssignedIsSalesforces(second.jdbc(), "acme", RUN_DATE.plusDays(1), sandbox);
					assertThat(SeatCounts.assigned(second.jdbc(), "acme", RUN_DATE.plusDays(1),
							"PermissionSetLicense:SalesConsoleUser"))
						.as("a deactivated user's Sales Console seat still counts until it is removed")
						.isEqualTo(consoleSeats);
				}
			}
		}
	}

	/**
	 * Deactivating idle Sales Console holders frees their user licenses only: the reclaimed candidates are not counted
	 * as Sales Console seats freed, and the next position still counts those seats, as Salesforce does, until a removal
	 * rule takes them.
	 */
	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aDeactivateReclamationFreesNoPermissionSetLicenseSeat(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(500).seed(13).loginDays(120).now(NOW).build().start()) {
			Rule deactivate = new Rule("deactivate-console", List.of("PermissionSetLicense:SalesConsoleUser"), 60, false,
					0, Action.DEACTIVATE, false);
			Profile enforce = TestProfiles.of("acme", sandbox).rules(deactivate).mode(Mode.ENFORCE).caps(1000, 1.0)
				.build();
			String console = "PermissionSetLicense:SalesConsoleUser";
			try (JobHarness first = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
					TestProfiles.properties(sandbox))) {
				assertThat(first.run(enforce, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);
				int deactivated = first.count("SELECT COUNT(*) FROM reclamation_candidate WHERE rule_name ="
						+ " 'deactivate-console' AND state = 'RECLAIMED'");
				assertThat(deactivated).as("idle console holders deactivated").isPositive();
				assertThat(first.count("SELECT reclaimed_this_run FROM license_position WHERE profile = 'acme'"
						+ " AND run_date = ? AND model = ?", RUN_DATE, console)).as("no console seat freed").isZero();
				int consoleSeats = SeatCounts.assigned(first.jdbc(), "acme", RUN_DATE, console);
				int salesforceSeats = SeatCounts.assigned(first.jdbc(), "acme", RUN_DATE, "UserLicense:SFDC");

				try (JobHarness second = first.restartOnSameDatabase(Clock.fixed(NOW.plus(Duration.ofDays(1)),
						ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
					assertThat(second.run(TestProfiles.of("acme", sandbox).build(), RUN_DATE.plusDays(1)).exitCode())
						.isEqualTo(ExitCode.OK);
					SeatCounts.assertAssignedIsSalesforces(second.jdbc(), "acme", RUN_DATE.plusDays(1), sandbox);
					assertThat(SeatCounts.assigned(second.jdbc(), "acme", RUN_DATE.plusDays(1), console))
						.as("deactivated users still hold their console seats").isEqualTo(consoleSeats);
					assertThat(SeatCounts.assigned(second.jdbc(), "acme", RUN_DATE.plusDays(1), "UserLicense:SFDC"))
						.as("their user licenses are free").isEqualTo(salesforceSeats - deactivated);
				}
			}
		}
	}

	static final Rule INACTIVE_PSLS = new Rule("inactive-psls", List.of("permission-set-license"), 1, false, 0,
			Action.REMOVE_PERMISSION_SET_LICENSE, false, Holders.INACTIVE_USERS);

	static final Rule INACTIVE_PACKAGES = new Rule("inactive-packages", List.of("package-license"), 1, false, 0,
			Action.REMOVE_PACKAGE_LICENSE, false, Holders.INACTIVE_USERS);

	/**
	 * Deactivated users' permission set and package seats become candidates of their own rules, are removed by the
	 * ordinary remove actions, and the next position counts them gone; active users' seats are not touched.
	 */
	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void seatsOfDeactivatedUsersAreReclaimedAndThePositionAgreesAfterwards(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(500).seed(13).loginDays(30).now(NOW).build().start()) {
			int inactivePsls = liveAssignments(sandbox, OrgTypes.PERMISSION_SET_LICENSE_ASSIGN, "Assignee", false);
			int inactivePackages = liveAssignments(sandbox, OrgTypes.USER_PACKAGE_LICENSE, "User", false);
			int activePsls = liveAssignments(sandbox, OrgTypes.PERMISSION_SET_LICENSE_ASSIGN, "Assignee", true);
			int activePackages = liveAssignments(sandbox, OrgTypes.USER_PACKAGE_LICENSE, "User", true);
			assertThat(inactivePsls).as("a fresh org has deactivated users holding permission set licenses").isPositive();
			assertThat(inactivePackages).as("and package seats").isPositive();
			Profile enforce = TestProfiles.of("acme", sandbox)
				.rules(INACTIVE_PSLS, INACTIVE_PACKAGES)
				.mode(Mode.ENFORCE)
				.caps(1000, 1.0)
				.build();
			try (JobHarness first = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
					TestProfiles.properties(sandbox))) {
				assertThat(first.run(enforce, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

				assertThat(first.count("SELECT COUNT(*) FROM reclamation_candidate WHERE rule_name = 'inactive-psls'"
						+ " AND state = 'RECLAIMED'")).isEqualTo(inactivePsls);
				assertThat(first.count("SELECT COUNT(*) FROM reclamation_candidate WHERE rule_name = 'inactive-packages'"
						+ " AND state = 'RECLAIMED'")).isEqualTo(inactivePackages);
				assertThat(liveAssignments(sandbox, OrgTypes.PERMISSION_SET_LICENSE_ASSIGN, "Assignee", false)).isZero();
				assertThat(liveAssignments(sandbox, OrgTypes.USER_PACKAGE_LICENSE, "User", false)).isZero();
				assertThat(liveAssignments(sandbox, OrgTypes.PERMISSION_SET_LICENSE_ASSIGN, "Assignee", true))
					.as("active users' seats are untouched").isEqualTo(activePsls);
				assertThat(liveAssignments(sandbox, OrgTypes.USER_PACKAGE_LICENSE, "User", true)).isEqualTo(activePackages);

				try (JobHarness second = first.restartOnSameDatabase(Clock.fixed(NOW.plus(Duration.ofDays(1)),
						ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
					assertThat(second.run(TestProfiles.of("acme", sandbox).build(), RUN_DATE.plusDays(1)).exitCode())
						.isEqualTo(ExitCode.OK);
					SeatCounts.assertAssignedIsSalesforces(second.jdbc(), "acme", RUN_DATE.plusDays(1), sandbox);
				}
			}
		}
	}

	/**
	 * Users holding {@code Keep_License} only through the {@code Retention_Team} group are excluded like direct
	 * holders (the old look-up by {@code PermissionSet.Name} missed them), and the counts still agree with Salesforce.
	 */
	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void holdersOfAnExcludedSetThroughAGroupAreSkipped(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(500).seed(13).loginDays(30).now(NOW).build().start()) {
			Set<String> throughGroup = groupHolders(sandbox, "Retention_Team");
			assertThat(throughGroup).as("the org has users holding Keep_License only through a group").isNotEmpty();
			Profile profile = TestProfiles.of("acme", sandbox)
				.rules(new Rule("idle", List.of("user-license"), 1, false, 0, Action.FREEZE, false))
				.exclusions(new Exclusions(List.of(), List.of(), Exclusions.DEFAULT_USER_TYPES, List.of("Keep_License")))
				.newUserGraceDays(0)
				.build();
			try (JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
					TestProfiles.properties(sandbox))) {
				assertThat(app.run(profile, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

				List<Map<String, Object>> decided = app.jdbc().queryForList(
						"SELECT user_id, state, reason FROM reclamation_candidate WHERE rule_name = 'idle'");
				List<Map<String, Object>> groupMembers = decided.stream()
					.filter(row -> throughGroup.contains(String.valueOf(row.get("user_id")).substring(0, 15)))
					.toList();
				assertThat(groupMembers).as("idle group members").isNotEmpty().allSatisfy(row -> {
					assertThat(row.get("state")).isEqualTo("SKIPPED");
					assertThat(row.get("reason"))
						.isEqualTo("permission set Keep_License through group Retention_Team is excluded");
				});
				SeatCounts.assertAssignedIsSalesforces(app.jdbc(), "acme", RUN_DATE, sandbox);
			}
		}
	}

	/** Users (15-character Ids) assigned the group. */
	private static Set<String> groupHolders(Sandbox sandbox, String group) {
		Set<String> holders = new TreeSet<>();
		for (Row assignment : sandbox.org().table(OrgTypes.PERMISSION_SET_ASSIGNMENT).rows()) {
			if (group.equals(assignment.value("PermissionSetGroup.DeveloperName"))) {
				holders.add(((String) assignment.fieldValue("AssigneeId")).substring(0, 15));
			}
		}
		return holders;
	}

	private static int liveAssignments(Sandbox sandbox, ObjectType type, String user, boolean activeUser) {
		return (int) sandbox.org()
			.table(type)
			.rows()
			.stream()
			.filter(row -> !row.isDeleted() && activeUser == Boolean.TRUE.equals(row.value(user + ".IsActive")))
			.count();
	}

	/** Active users who hold a CPQ seat, a Sales Console seat and a CPQ package seat, none protected. */
	private static List<Row> leavers(Sandbox sandbox) {
		List<Row> leavers = new ArrayList<>();
		for (Row user : sandbox.org().table(OrgTypes.USER).rows()) {
			if (Boolean.TRUE.equals(user.fieldValue("IsActive"))
					&& !sandbox.facts().protectedUserIds().contains(user.id())
					&& holds(sandbox, user, OrgTypes.PERMISSION_SET_LICENSE_ASSIGN, "AssigneeId",
							"PermissionSetLicense.DeveloperName", "SalesforceCPQ_CPQStandardPerm")
					&& holds(sandbox, user, OrgTypes.PERMISSION_SET_LICENSE_ASSIGN, "AssigneeId",
							"PermissionSetLicense.DeveloperName", "SalesConsoleUser")
					&& holds(sandbox, user, OrgTypes.USER_PACKAGE_LICENSE, "UserId", "PackageLicense.NamespacePrefix",
							"SBQQ")) {
				leavers.add(user);
			}
			if (leavers.size() == 3) {
				break;
			}
		}
		assertThat(leavers).hasSize(3);
		return leavers;
	}

	static boolean holds(Sandbox sandbox, Row user, ObjectType type, String userField, String namePath, String name) {
		return sandbox.org()
			.table(type)
			.rows()
			.stream()
			.anyMatch(row -> !row.isDeleted() && user.id().equals(row.fieldValue(userField))
					&& name.equals(row.value(namePath)));
	}

}
