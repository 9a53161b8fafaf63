package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Exclusions;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.ObjectType;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.testsupport.LicenseDependents;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Whole nightly runs that reclaim by every action against the sandbox: enforce freezes exactly the approved users'
 * logins and removes exactly the approved license assignments (the sandbox's used counts drop by as many), a removal
 * Salesforce refuses fails naming the permission sets that need the license, each record is written at most once,
 * holders of an excluded permission set are skipped, and detect and dry-run write nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReclaimActionJobTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	static final Rule FREEZE = new Rule("freeze-idle", List.of("user-license"), 60, false, 0, Action.FREEZE, false);

	/** Freezes holders of feature licenses too: users with both get two candidates and one UserLogin write. */
	static final Rule FREEZE_FEATURES = new Rule("freeze-features", List.of("feature-license"), 60, false, 0,
			Action.FREEZE, false);

	static final Rule REMOVE_PACKAGES = new Rule("packages", List.of("package-license"), 60, false, 0,
			Action.REMOVE_PACKAGE_LICENSE, false);

	static final Rule REMOVE_PSLS = new Rule("psls", List.of("permission-set-license"), 60, false, 0,
			Action.REMOVE_PERMISSION_SET_LICENSE, false);

	static final Rule DEACTIVATE = new Rule("deactivate", List.of("UserLicense:AUL"), 60, false, 0, Action.DEACTIVATE,
			false);

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void enforceFreezesExactlyTheApprovedUsersLoginsAndRemovesTheirPackageSeats(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(400).seed(11).loginDays(120).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			Set<String> frozenBefore = frozenUsers(sandbox);
			Map<String, Integer> userSeatsBefore = used(sandbox, OrgTypes.USER_LICENSE, "LicenseDefinitionKey");
			Map<String, Integer> packageSeatsBefore = used(sandbox, OrgTypes.PACKAGE_LICENSE, "NamespacePrefix");

			assertThat(app.run(enforce(sandbox, FREEZE, FREEZE_FEATURES, REMOVE_PACKAGES), RUN_DATE).exitCode())
				.isEqualTo(ExitCode.OK);

			Set<String> frozenForFeatures = users(app, "freeze-features", "RECLAIMED");
			assertThat(frozenForFeatures).as("users frozen by both rules")
				.containsAnyElementsOf(users(app, "freeze-idle", "RECLAIMED"));
			Set<String> frozen = union(users(app, "freeze-idle", "RECLAIMED"), frozenForFeatures);
			Set<String> alreadyFrozen = users(app, "freeze-idle", "CANCELED");
			assertThat(frozen).hasSizeGreaterThan(10).allSatisfy(id -> assertThat(login(sandbox, id).fieldValue("IsFrozen"))
				.isEqualTo(true));
			assertThat(alreadyFrozen).isNotEmpty().isSubsetOf(frozenBefore).doesNotContainAnyElementsOf(frozen);
			assertThat(frozenUsers(sandbox)).containsExactlyInAnyOrderElementsOf(union(frozenBefore, frozen));
			assertThat(reasons(app, "freeze-idle", "CANCELED")).containsOnly("the user is already frozen in Salesforce");
			assertThat(used(sandbox, OrgTypes.USER_LICENSE, "LicenseDefinitionKey")).as("freezing frees no seat")
				.isEqualTo(userSeatsBefore);

			List<String[]> removed = pairs(app, "packages", "RECLAIMED");
			assertThat(removed).hasSizeGreaterThan(5);
			assertThat(pairs(app, "packages", "FAILED")).isEmpty();
			Map<String, Integer> freed = new TreeMap<>();
			for (String[] candidate : removed) {
				String namespace = candidate[1].substring("PackageLicense:".length());
				assertThat(packageSeat(sandbox, candidate[0], namespace).isDeleted()).isTrue();
				freed.merge(namespace, 1, Integer::sum);
			}
			packageSeatsBefore.forEach((namespace, used) -> assertThat(used(sandbox, OrgTypes.PACKAGE_LICENSE,
					"NamespacePrefix").get(namespace)).as(namespace).isEqualTo(used - freed.getOrDefault(namespace, 0)));

			Set<String> expectedWrites = new TreeSet<>();
			frozen.forEach(user -> expectedWrites.add("UPDATE " + login(sandbox, user).id()));
			removed.forEach(c -> expectedWrites.add("DELETE "
					+ packageSeat(sandbox, c[0], c[1].substring("PackageLicense:".length())).id()));
			assertThat(journal(sandbox)).as("every record written once, nothing else").hasSameSizeAs(expectedWrites)
				.containsExactlyInAnyOrderElementsOf(expectedWrites);
			assertThat(app.count("SELECT COUNT(*) FROM reclamation_candidate WHERE action IN ('FREEZE', "
					+ "'REMOVE_PACKAGE_LICENSE') AND state <> 'SKIPPED'")).as("one chunk each").isLessThan(200);
			List<String> calls = writeCalls(sandbox);
			assertThat(calls).hasSize(2).contains("PATCH /services/data/v62.0/composite/sobjects");
			String delete = calls.stream().filter(call -> call.startsWith("DELETE ")).findFirst().orElseThrow();
			assertThat(delete).startsWith("DELETE /services/data/v62.0/composite/sobjects?ids=").endsWith("&allOrNone=false");
			assertThat(delete.substring(delete.indexOf("ids=") + 4, delete.indexOf('&')).split(","))
				.containsExactlyInAnyOrderElementsOf(removed.stream()
					.map(c -> packageSeat(sandbox, c[0], c[1].substring("PackageLicense:".length())).id())
					.toList());
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void enforceRemovesPermissionSetLicensesAndARefusalNamesThePermissionSetsThatNeedTheLicense(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(400).seed(11).loginDays(120).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			Map<String, Integer> seatsBefore = used(sandbox, OrgTypes.PERMISSION_SET_LICENSE, "DeveloperName");

			assertThat(app.run(enforce(sandbox, REMOVE_PSLS), RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

			List<String[]> removed = pairs(app, "psls", "RECLAIMED");
			List<String[]> refused = pairs(app, "psls", "FAILED");
			assertThat(removed).hasSizeGreaterThan(3);
			assertThat(refused).as("some idle holders keep a permission set that needs their license").isNotEmpty();
			assertThat(refused).as("some through a permission set group only")
				.anySatisfy(c -> assertThat(LicenseDependents.groups(sandbox, licenseAssignment(sandbox, c[0], c[1])))
					.isNotEmpty());
			Map<String, Integer> freed = new TreeMap<>();
			for (String[] candidate : removed) {
				Row assignment = licenseAssignment(sandbox, candidate[0], candidate[1]);
				assertThat(assignment.isDeleted()).isTrue();
				assertThat(LicenseDependents.note(sandbox, assignment)).isNull();
				freed.merge(candidate[1].substring("PermissionSetLicense:".length()), 1, Integer::sum);
			}
			for (String[] failed : refused) {
				Row assignment = licenseAssignment(sandbox, failed[0], failed[1]);
				assertThat(assignment.isDeleted()).isFalse();
				assertThat(app.jdbc().queryForObject(
						"SELECT reason FROM reclamation_candidate WHERE rule_name = 'psls' AND user_id = ? AND model = ?",
						String.class, failed[0], failed[1]))
					.isEqualTo("DELETE_FAILED: Can't remove this permission set license from the user: the user is "
							+ "assigned permission sets that require it. Remove those permission set assignments first. "
							+ "(" + LicenseDependents.note(sandbox, assignment) + ")");
			}
			seatsBefore.forEach((psl, used) -> assertThat(used(sandbox, OrgTypes.PERMISSION_SET_LICENSE, "DeveloperName")
				.get(psl)).as(psl).isEqualTo(used - freed.getOrDefault(psl, 0)));
			Set<String> attempted = new TreeSet<>();
			removed.forEach(c -> attempted.add("DELETE " + licenseAssignment(sandbox, c[0], c[1]).id()));
			refused.forEach(c -> attempted.add("DELETE " + licenseAssignment(sandbox, c[0], c[1]).id()));
			assertThat(journal(sandbox)).hasSameSizeAs(attempted).containsExactlyInAnyOrderElementsOf(attempted);
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void holdersOfAnExcludedPermissionSetAreSkippedWithTheReason(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(400).seed(11).loginDays(120).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			Exclusions keepLicense = new Exclusions(List.of(), List.of(), Exclusions.DEFAULT_USER_TYPES,
					List.of("Keep_License", "No_Such_Set"));
			Set<String> holders = sandbox.org().table(OrgTypes.PERMISSION_SET_ASSIGNMENT).rows().stream()
				.filter(a -> "Keep_License".equals(a.value("PermissionSet.Name")))
				.map(a -> (String) a.fieldValue("AssigneeId"))
				.collect(Collectors.toSet());
			Profile without = TestProfiles.of("acme", sandbox).rules(FREEZE).build();
			Profile with = TestProfiles.of("keep", sandbox).rules(FREEZE).exclusions(keepLicense).build();

			assertThat(app.run(without, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);
			sandbox.requests().clear();
			assertThat(app.run(with, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

			Set<String> idleHolders = new TreeSet<>(holders);
			idleHolders.retainAll(profileUsers(app, "acme", "NEW"));
			assertThat(idleHolders).as("idle holders of the set").isNotEmpty();
			assertThat(profileUsers(app, "keep", "SKIPPED")).containsAll(idleHolders);
			assertThat(app.jdbc().queryForList("SELECT DISTINCT reason FROM reclamation_candidate WHERE profile = 'keep' "
					+ "AND user_id IN (" + String.join(",", idleHolders.stream().map(id -> "'" + id + "'").toList()) + ")",
					String.class)).containsExactly("permission set Keep_License is excluded");
			Set<String> stillCandidates = profileUsers(app, "acme", "NEW");
			stillCandidates.removeAll(idleHolders);
			assertThat(profileUsers(app, "keep", "NEW")).isEqualTo(stillCandidates);
			assertThat(sandbox.requests().entries()).filteredOn(e -> e.pathAndQuery().contains("PermissionSetAssignment")
					&& !e.pathAndQuery().contains("PermissionsModifyAllData"))
				.as("a run asks for direct holders and for holders of the groups containing the sets").hasSize(2);
			assertThat(sandbox.requests().entries())
				.filteredOn(e -> e.pathAndQuery().contains("PermissionSetGroupComponent"))
				.as("and looks the groups up once").hasSize(1);
			assertThat(writeCalls(sandbox)).isEmpty();
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void aBudgetSpentAtThePermissionSetLookUpStopsTheRunCleanlyAndTheNextRunDecides(TestDatabase database) {
		Exclusions keepLicense = new Exclusions(List.of(), List.of(), Exclusions.DEFAULT_USER_TYPES, List.of("Keep_License"));
		long callsBeforeLookUp;
		try (Sandbox twin = Sandbox.builder().users(400).seed(11).loginDays(120).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(twin))) {
			Profile keep = TestProfiles.of("keep", twin).rules(FREEZE).exclusions(keepLicense).build();
			assertThat(app.run(keep, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);
			callsBeforeLookUp = twin.requests().entries().stream()
				.takeWhile(entry -> !entry.pathAndQuery().contains("PermissionSetAssignment"))
				.count();
		}
		try (Sandbox sandbox = Sandbox.builder().users(400).seed(11).loginDays(120).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			Profile keep = TestProfiles.of("keep", sandbox).rules(FREEZE).exclusions(keepLicense).build();
			sandbox.faults().afterCalls((int) callsBeforeLookUp, faults -> faults.exhaustApiBudget());

			RunResult stopped = app.run(keep, RUN_DATE);

			assertThat(stopped.exitCode()).as(stopped.message()).isEqualTo(ExitCode.STOPPED);
			assertThat(stopped.message()).contains("API budget reached");
			assertThat(app.jdbc().queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STATUS = 'STOPPED'",
					String.class)).containsExactly("applyReclamationRules");
			assertThat(app.count("SELECT COUNT(*) FROM reclamation_candidate")).as("nothing decided without the holders").isZero();

			sandbox.faults().reset();
			try (JobHarness nextNight = app.restartOnSameDatabase(Clock.fixed(NOW, ZoneOffset.UTC),
					TestProfiles.properties(sandbox))) {
				RunResult resumed = nextNight.run(keep, RUN_DATE);
				assertThat(resumed.exitCode()).as(resumed.message()).isEqualTo(ExitCode.OK);
			}
			assertThat(app.count("SELECT COUNT(*) FROM reclamation_candidate WHERE reason = 'permission set Keep_License is excluded'"))
				.isPositive();
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void detectAndDryRunOfEveryActionWriteNothingAndDryRunSaysWhatItWouldDo(TestDatabase database, CapturedOutput output) {
		try (Sandbox sandbox = Sandbox.builder().users(300).seed(11).loginDays(120).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			Rule[] everyAction = { FREEZE, REMOVE_PACKAGES, REMOVE_PSLS, DEACTIVATE };

			assertThat(app.run(TestProfiles.of("detect", sandbox).rules(everyAction).caps(1000, 1.0).build(), RUN_DATE)
				.exitCode()).isEqualTo(ExitCode.OK);
			assertThat(app.run(TestProfiles.of("dry", sandbox).rules(everyAction).mode(Mode.DRY_RUN).caps(1000, 1.0).build(),
					RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

			assertThat(writeCalls(sandbox)).isEmpty();
			assertThat(sandbox.org().writer().journal().entries()).isEmpty();
			int approved = app.count("SELECT COUNT(*) FROM reclamation_candidate WHERE profile = 'dry' AND state = 'APPROVED'");
			assertThat(approved).isEqualTo(app.count(
					"SELECT COUNT(*) FROM reclamation_candidate WHERE profile = 'detect' AND state = 'NEW'"));
			for (String rule : List.of("freeze-idle", "packages", "psls", "deactivate")) {
				assertThat(app.count("SELECT COUNT(*) FROM reclamation_candidate WHERE profile = 'dry' AND rule_name = ? "
						+ "AND state = 'APPROVED'", rule)).as(rule).isPositive();
			}
			assertThat(output.getErr().lines().filter(line -> line.contains("Profile dry: would "))).hasSize(approved);
			assertThat(output.getErr()).as("logs go to stderr").contains("Profile dry: would freeze user 005")
				.contains("Profile dry: would remove permission set license ")
				.contains("Profile dry: would remove package license ")
				.contains("Profile dry: would deactivate user 005")
				.doesNotContain("Profile detect: would");
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void interruptedFreezesAndRemovalsAreCheckedInSalesforceAndOnlyTheLostOnesAreWritten(TestDatabase database) {
		Rule freezeByOperator = new Rule("freeze-idle", List.of("user-license"), 60, false, 0, Action.FREEZE, true);
		Rule packagesByOperator = new Rule("packages", List.of("package-license"), 60, false, 0,
				Action.REMOVE_PACKAGE_LICENSE, true);
		try (Sandbox sandbox = Sandbox.builder().users(400).seed(11).loginDays(120).now(NOW).build().start()) {
			try (JobHarness first = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
					TestProfiles.properties(sandbox))) {
				assertThat(first.run(TestProfiles.of("acme", sandbox).rules(freezeByOperator, packagesByOperator).build(),
						RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);
				List<String> freezes = users(first, "freeze-idle", "NEW").stream()
					.filter(user -> !Boolean.TRUE.equals(login(sandbox, user).fieldValue("IsFrozen")))
					.toList();
				List<String[]> removals = pairs(first, "packages", "NEW");
				String frozenLanded = freezes.get(0);
				String frozenLost = freezes.get(1);
				String[] removalLanded = removals.get(0);
				String[] removalLost = removals.get(1);
				Row seatLanded = packageSeat(sandbox, removalLanded[0], removalLanded[1].substring("PackageLicense:".length()));
				Row seatLost = packageSeat(sandbox, removalLost[0], removalLost[1].substring("PackageLicense:".length()));
				first.jdbc().update("UPDATE reclamation_candidate SET state = 'RECLAIMING' WHERE (rule_name = 'freeze-idle' "
						+ "AND user_id IN (?, ?)) OR (rule_name = 'packages' AND user_id = ? AND model = ?) OR "
						+ "(rule_name = 'packages' AND user_id = ? AND model = ?)", frozenLanded, frozenLost,
						removalLanded[0], removalLanded[1], removalLost[0], removalLost[1]);
				sandbox.org().writer().update(login(sandbox, frozenLanded).id(), Map.of("IsFrozen", true));
				sandbox.org().writer().delete(seatLanded.id());
				sandbox.org().writer().journal().clear();

				try (JobHarness second = first.restartOnSameDatabase(Clock.fixed(NOW.plusSeconds(86_400), ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
					Profile enforce = TestProfiles.of("acme", sandbox).rules(freezeByOperator, packagesByOperator)
						.mode(Mode.ENFORCE).build();
					assertThat(second.run(enforce, RUN_DATE.plusDays(1)).exitCode()).isEqualTo(ExitCode.OK);

					assertThat(journal(sandbox)).as("one write each, for the writes that were lost")
						.containsExactlyInAnyOrder("UPDATE " + login(sandbox, frozenLost).id(), "DELETE " + seatLost.id());
					assertThat(reason(second, "freeze-idle", frozenLanded))
						.isEqualTo("freeze confirmed in Salesforce after an interrupted run");
					assertThat(reason(second, "freeze-idle", frozenLost)).isEqualTo("user frozen");
					assertThat(reason(second, "packages", removalLanded[0]))
						.isEqualTo("package license removal confirmed in Salesforce after an interrupted run");
					assertThat(reason(second, "packages", removalLost[0])).isEqualTo("package license removed");
					assertThat(login(sandbox, frozenLost).fieldValue("IsFrozen")).isEqualTo(true);
					assertThat(seatLost.isDeleted()).isTrue();
					assertThat(second.count("SELECT COUNT(*) FROM reclamation_candidate WHERE state = 'RECLAIMED'"))
						.isEqualTo(4);
				}
			}
		}
	}

	private static String reason(JobHarness app, String rule, String userId) {
		return app.jdbc().queryForObject("SELECT reason FROM reclamation_candidate WHERE rule_name = ? AND user_id = ? "
				+ "AND state = 'RECLAIMED'", String.class, rule, userId);
	}

	private static Profile enforce(Sandbox sandbox, Rule... rules) {
		return TestProfiles.of("acme", sandbox).rules(rules).mode(Mode.ENFORCE).caps(1000, 1.0).build();
	}

	/** Write requests as "METHOD path?query" (the sandbox's request log never holds bodies). */
	static List<String> writeCalls(Sandbox sandbox) {
		return sandbox.requests()
			.entries()
			.stream()
			.filter(entry -> !"GET".equals(entry.method()) && (entry.pathAndQuery().contains("/composite")
					|| entry.pathAndQuery().contains("/sobjects")))
			.map(entry -> entry.method() + " " + entry.pathAndQuery())
			.toList();
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> union = new TreeSet<>(a);
		union.addAll(b);
		return union;
	}

	/** The journal as "OPERATION Id" lines. */
	static List<String> journal(Sandbox sandbox) {
		return sandbox.org().writer().journal().entries().stream().map(e -> e.operation() + " " + e.id()).toList();
	}

	private static Set<String> users(JobHarness app, String rule, String state) {
		return pairs(app, rule, state).stream().map(pair -> pair[0]).collect(Collectors.toCollection(TreeSet::new));
	}

	private static Set<String> profileUsers(JobHarness app, String profile, String state) {
		return new TreeSet<>(app.jdbc().queryForList(
				"SELECT user_id FROM reclamation_candidate WHERE profile = ? AND state = ?", String.class, profile, state));
	}

	private static List<String> reasons(JobHarness app, String rule, String state) {
		return app.jdbc().queryForList("SELECT reason FROM reclamation_candidate WHERE rule_name = ? AND state = ?",
				String.class, rule, state);
	}

	/** (user Id, model) of the rule's candidates in the state. */
	private static List<String[]> pairs(JobHarness app, String rule, String state) {
		return app.jdbc().query("SELECT user_id, model FROM reclamation_candidate WHERE rule_name = ? AND state = ?",
				(row, index) -> new String[] { row.getString("user_id"), row.getString("model") }, rule, state);
	}

	private static Set<String> frozenUsers(Sandbox sandbox) {
		return sandbox.org().table(OrgTypes.USER_LOGIN).rows().stream()
			.filter(l -> Boolean.TRUE.equals(l.fieldValue("IsFrozen")))
			.map(l -> (String) l.fieldValue("UserId"))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static Row login(Sandbox sandbox, String userId) {
		return sandbox.org().table(OrgTypes.USER_LOGIN).rows().stream()
			.filter(l -> userId.equals(l.fieldValue("UserId"))).findFirst().orElseThrow();
	}

	/** The generator gives a user at most one assignment per license, so (user, license) finds it, deleted or not. */
	private static Row packageSeat(Sandbox sandbox, String userId, String namespace) {
		return sandbox.org().table(OrgTypes.USER_PACKAGE_LICENSE).rows().stream()
			.filter(a -> userId.equals(a.fieldValue("UserId")) && namespace.equals(a.value("PackageLicense.NamespacePrefix")))
			.findFirst()
			.orElseThrow();
	}

	private static Row licenseAssignment(Sandbox sandbox, String userId, String model) {
		String developerName = model.substring("PermissionSetLicense:".length());
		return sandbox.org().table(OrgTypes.PERMISSION_SET_LICENSE_ASSIGN).rows().stream()
			.filter(a -> userId.equals(a.fieldValue("AssigneeId"))
					&& developerName.equals(a.value("PermissionSetLicense.DeveloperName")))
			.findFirst()
			.orElseThrow();
	}

	private static Map<String, Integer> used(Sandbox sandbox, ObjectType type, String keyField) {
		Map<String, Integer> used = new HashMap<>();
		sandbox.org().table(type).rows().forEach(row -> used.put((String) row.fieldValue(keyField),
				(Integer) row.fieldValue("UsedLicenses")));
		return used;
	}

}
