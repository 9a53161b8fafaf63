package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Exclusions;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.OrgRecord;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole nightly runs in detect mode against the sandbox: the expected idle users become candidates, excluded ones are
 * skipped with the reason, nothing is written to Salesforce, and a user who logs in again is canceled the next night.
 */
class ReclamationJobTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	static final Rule IDLE_60 = new Rule("idle-60", List.of("user-license"), 60, false, 0, Action.DEACTIVATE, false);

	static final Exclusions EXCLUDE_ADMINS = new Exclusions(List.of(), List.of("System Administrator"),
			Exclusions.DEFAULT_USER_TYPES, List.of());

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void detectRecordsTheIdleUsersSkipsTheExcludedAndWritesNothingToSalesforce(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(400).seed(11).loginDays(120).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			Profile profile = TestProfiles.of("acme", sandbox).rules(IDLE_60).exclusions(EXCLUDE_ADMINS).build();

			RunResult result = app.run(profile, RUN_DATE);

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
			Map<String, String> expectedSkips = idleUsers(sandbox, NOW, 60).entrySet()
				.stream()
				.filter(user -> exclusion(user.getValue(), NOW) != null)
				.collect(TreeMap::new, (map, user) -> map.put(user.getKey(), exclusion(user.getValue(), NOW)), Map::putAll);
			Set<String> expectedCandidates = new TreeSet<>(idleUsers(sandbox, NOW, 60).keySet());
			expectedCandidates.removeAll(expectedSkips.keySet());
			assertThat(expectedCandidates).as("the scenario has idle users").hasSizeGreaterThan(10);
			assertThat(expectedSkips).as("the scenario has idle excluded users").isNotEmpty();
			assertThat(usersIn(app, "NEW")).isEqualTo(expectedCandidates);
			assertThat(skipped(app)).isEqualTo(expectedSkips);
			assertThat(writeCalls(sandbox)).as("detect never writes to Salesforce").isEmpty();
			assertThat(app.count("SELECT COUNT(*) FROM reclamation_audit WHERE to_state = 'NEW' AND mode = 'DETECT'"))
				.isEqualTo(expectedCandidates.size());
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void theIntegrationUserTheRunConnectsAsIsSkippedEvenWhenIdle(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(60).seed(3).loginDays(30).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			Rule anyIdleness = new Rule("any", List.of("user-license"), 0, false, 0, Action.DEACTIVATE, false);
			Profile profile = TestProfiles.of("acme", sandbox).rules(anyIdleness).newUserGraceDays(0).build();

			assertThat(app.run(profile, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

			assertThat(skipped(app)).containsEntry(sandbox.org().integrationUserId(), "the integration user");
			assertThat(usersIn(app, "NEW")).doesNotContain(sandbox.org().integrationUserId()).isNotEmpty();
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aCandidateWhoLogsInBeforeTheNextNightIsCanceled(TestDatabase database) {
		Instant nextNight = NOW.plus(Duration.ofDays(1));
		try (Sandbox sandbox = Sandbox.builder().users(200).seed(5).loginDays(120).now(NOW).build().start()) {
			Profile profile = TestProfiles.of("acme", sandbox).rules(IDLE_60).build();
			try (JobHarness first = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
					TestProfiles.properties(sandbox))) {
				assertThat(first.run(profile, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);
				Set<String> candidates = usersIn(first, "NEW");
				String returning = candidates.iterator().next();
				sandbox.org().writer().recordLogin(returning, nextNight.minus(Duration.ofHours(5)), true, "Application");
				sandbox.requests().clear();

				try (JobHarness second = first.restartOnSameDatabase(Clock.fixed(nextNight, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
					assertThat(second.run(profile, RUN_DATE.plusDays(1)).exitCode()).isEqualTo(ExitCode.OK);

					assertThat(usersIn(second, "CANCELED")).containsExactly(returning);
					assertThat(second.jdbc()
						.queryForObject("SELECT reason FROM reclamation_candidate WHERE user_id = ?", String.class, returning))
						.isEqualTo("activity reappeared: last active " + nextNight.minus(Duration.ofHours(5)));
					Set<String> stillIdle = new TreeSet<>(candidates);
					stillIdle.remove(returning);
					assertThat(usersIn(second, "NEW")).containsAll(stillIdle);
					assertThat(writeCalls(sandbox)).isEmpty();
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void dryRunApprovesDueCandidatesOnlyUpToTheCapsAndDetectApprovesNone(TestDatabase database) {
		Rule noWait = new Rule("no-wait", List.of("user-license"), 60, false, 0, Action.DEACTIVATE, false);
		try (Sandbox sandbox = Sandbox.builder().users(300).seed(11).loginDays(120).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			assertThat(app.run(TestProfiles.of("detect", sandbox).rules(noWait).build(), RUN_DATE).exitCode())
				.isEqualTo(ExitCode.OK);
			assertThat(app.run(TestProfiles.of("per-run", sandbox).rules(noWait).mode(Mode.DRY_RUN).caps(4, 1.0).build(),
					RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);
			assertThat(app.run(TestProfiles.of("share", sandbox).rules(noWait).mode(Mode.DRY_RUN).caps(100, 0.01).build(),
					RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

			int activeUsers = sandbox.facts().activeUsers();
			assertThat(stateCount(app, "detect", "APPROVED")).isZero();
			assertThat(stateCount(app, "detect", "NEW")).isGreaterThan(4 + activeUsers / 100);
			assertThat(stateCount(app, "per-run", "APPROVED")).isEqualTo(4);
			assertThat(stateCount(app, "share", "APPROVED")).as("1% of the active users").isEqualTo(activeUsers / 100);
			assertThat(stateCount(app, "per-run", "NEW")).as("the rest wait")
				.isEqualTo(stateCount(app, "detect", "NEW") - 4);
			assertThat(writeCalls(sandbox)).as("dry-run only says what it would do").isEmpty();
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void enforceDeactivatesTheApprovedUsersInOneCompositeCallAndUsedLicensesDrop(TestDatabase database) {
		Rule noWait = new Rule("no-wait", List.of("user-license"), 60, false, 0, Action.DEACTIVATE, false);
		try (Sandbox sandbox = Sandbox.builder().users(300).seed(11).loginDays(120).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			int usedBefore = usedLicenses(sandbox);

			assertThat(app.run(TestProfiles.of("acme", sandbox).rules(noWait).mode(Mode.ENFORCE).caps(6, 1.0).build(),
					RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

			Set<String> reclaimed = usersIn(app, "RECLAIMED");
			assertThat(reclaimed.size() + usersIn(app, "FAILED").size()).as("the cap").isEqualTo(6);
			assertThat(reclaimed).isNotEmpty()
				.allSatisfy(id -> assertThat(sandbox.org().find(id).fieldValue("IsActive")).isEqualTo(false));
			assertThat(usedLicenses(sandbox)).isEqualTo(usedBefore - reclaimed.size());
			assertThat(app.count("SELECT COUNT(*) FROM reclamation_candidate WHERE state = 'FAILED' AND reason IS NULL"))
				.isZero();
			assertThat(writeCalls(sandbox)).containsExactly("PATCH /services/data/v62.0/composite/sobjects");
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void candidatesLeftInFlightByACrashAreCheckedInSalesforceAndNeverWrittenTwice(TestDatabase database) {
		Instant nextNight = NOW.plus(Duration.ofDays(1));
		Rule byOperator = new Rule("by-operator", List.of("user-license"), 60, false, 0, Action.DEACTIVATE, true);
		try (Sandbox sandbox = Sandbox.builder().users(200).seed(5).loginDays(120).now(NOW).build().start()) {
			Profile detect = TestProfiles.of("acme", sandbox).rules(byOperator).build();
			try (JobHarness first = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
					TestProfiles.properties(sandbox))) {
				assertThat(first.run(detect, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);
				List<String> candidates = List.copyOf(usersIn(first, "NEW"));
				String landed = candidates.get(0);
				String lost = candidates.get(1);
				first.jdbc().update("UPDATE reclamation_candidate SET state = 'RECLAIMING' WHERE user_id IN (?, ?)", landed,
						lost);
				sandbox.org().writer().update(landed, Map.of("IsActive", false));
				sandbox.requests().clear();

				try (JobHarness second = first.restartOnSameDatabase(Clock.fixed(nextNight, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
					Profile enforce = TestProfiles.of("acme", sandbox).rules(byOperator).mode(Mode.ENFORCE).build();
					assertThat(second.run(enforce, RUN_DATE.plusDays(1)).exitCode()).isEqualTo(ExitCode.OK);

					assertThat(usersIn(second, "RECLAIMED")).containsExactlyInAnyOrder(landed, lost);
					assertThat(second.jdbc().queryForObject("SELECT reason FROM reclamation_candidate WHERE user_id = ?",
							String.class, landed)).isEqualTo("deactivation confirmed in Salesforce after an interrupted run");
					assertThat(sandbox.org().find(lost).fieldValue("IsActive")).isEqualTo(false);
					assertThat(writeCalls(sandbox)).as("one write, for the user whose deactivation was lost")
						.containsExactly("PATCH /services/data/v62.0/composite/sobjects");
					assertThat(usersIn(second, "APPROVED")).as("nothing else was approved").isEmpty();
				}
			}
		}
	}

	/** The sum of UsedLicenses over the org's UserLicense records, as Salesforce reports seats in use. */
	private static int usedLicenses(Sandbox sandbox) {
		var licenses = sandbox.org().table(OrgTypes.USER_LICENSE);
		int used = 0;
		for (int i = 0; i < licenses.size(); i++) {
			used += ((Number) licenses.record(i).fieldValue("UsedLicenses")).intValue();
		}
		return used;
	}

	private static int stateCount(JobHarness app, String profile, String state) {
		return app.count("SELECT COUNT(*) FROM reclamation_candidate WHERE profile = ? AND state = ?", profile, state);
	}

	/** Active users whose last login (else creation) lies more than the threshold before {@code now}, by Id. */
	private static Map<String, Row> idleUsers(Sandbox sandbox, Instant now, int days) {
		Instant edge = now.minus(Duration.ofDays(days));
		Map<String, Row> idle = new TreeMap<>();
		var users = sandbox.org().table(OrgTypes.USER);
		for (int i = 0; i < users.size(); i++) {
			Row user = users.record(i);
			Instant last = (Instant) user.fieldValue("LastLoginDate");
			Instant since = (last != null) ? last : (Instant) user.fieldValue("CreatedDate");
			if (Boolean.TRUE.equals(user.fieldValue("IsActive")) && since.isBefore(edge)) {
				idle.put(user.id(), user);
			}
		}
		return idle;
	}

	/** The reason the profile of the first test excludes the user, in the order the exclusions are checked. */
	private static String exclusion(Row user, Instant now) {
		OrgRecord userProfile = user.related("Profile");
		String userType = (String) user.fieldValue("UserType");
		if ("System Administrator".equals(userProfile.value("Name"))) {
			return "Salesforce profile System Administrator is excluded";
		}
		if (Exclusions.DEFAULT_USER_TYPES.contains(userType)) {
			return "user type " + userType + " is excluded";
		}
		Instant created = (Instant) user.fieldValue("CreatedDate");
		return created.isAfter(now.minus(Duration.ofDays(30)))
				? "created " + created + ", within the 30-day grace for new users" : null;
	}

	private static Set<String> usersIn(JobHarness app, String state) {
		return new TreeSet<>(app.jdbc()
			.queryForList("SELECT user_id FROM reclamation_candidate WHERE profile = 'acme' AND state = ?", String.class,
					state));
	}

	private static Map<String, String> skipped(JobHarness app) {
		Map<String, String> reasons = new TreeMap<>();
		app.jdbc()
			.query("SELECT user_id, reason FROM reclamation_candidate WHERE profile = 'acme' AND state = 'SKIPPED'",
					(row) -> {
						reasons.put(row.getString("user_id"), row.getString("reason"));
					});
		return reasons;
	}

	private static List<String> writeCalls(Sandbox sandbox) {
		return sandbox.requests()
			.entries()
			.stream()
			.filter(entry -> !"GET".equals(entry.method()) && (entry.pathAndQuery().contains("/composite")
					|| entry.pathAndQuery().contains("/sobjects")))
			.map(entry -> entry.method() + " " + entry.pathAndQuery())
			.toList();
	}

}
