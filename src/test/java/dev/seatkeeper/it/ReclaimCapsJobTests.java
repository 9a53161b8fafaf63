package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.cli.SeatkeeperCommandLine;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.reclamation.candidate.CandidateFilter;
import dev.seatkeeper.reclamation.candidate.CandidateState;
import dev.seatkeeper.reclamation.candidate.CandidateStore;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import picocli.CommandLine;

/**
 * The caps over time, whatever the path: run dates launched back to back, an operator's approval of everything, an
 * override on the command line; and administrators, who are never reclaimed by default. Enforce mode against the
 * sandbox, on H2 and the server.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReclaimCapsJobTests {

	/** The first simulated night: half past midnight, so the run date of yesterday and of today are both allowed. */
	static final Instant FIRST = Instant.parse("2026-11-27T00:30:00Z");

	static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

	static final Rule NO_WAIT = new Rule("no-wait", List.of("user-license"), 60, false, 0, Action.DEACTIVATE, false);

	static final Rule BY_OPERATOR = new Rule("by-operator", List.of("user-license"), 60, false, 0, Action.DEACTIVATE,
			true);

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void oneProfileLaunchedForThreeRunDatesWithinADayReclaimsAtMostTheShareOfActiveUsersInTotal(TestDatabase database,
			CapturedOutput output) {
		try (Sandbox sandbox = Sandbox.builder().users(400).seed(11).loginDays(120).now(FIRST).build().start()) {
			Profile profile = TestProfiles.of("acme", sandbox).rules(NO_WAIT).mode(Mode.ENFORCE).caps(100, 0.05).build();
			int activeBefore = sandbox.facts().activeUsers();
			int cap = (int) Math.floor(0.05 * activeBefore);
			try (JobHarness first = JobHarness.start(database, Clock.fixed(FIRST, ZoneOffset.UTC),
					TestProfiles.properties(sandbox))) {
				assertThat(first.run(profile, TODAY.minusDays(1)).exitCode()).isEqualTo(ExitCode.OK);
				int afterFirst = writes(first);
				assertThat(afterFirst).as("the first run takes the day's allowance").isPositive().isLessThanOrEqualTo(cap);
				assertThat(output).contains("Profile acme: caps allow " + afterFirst + " (0 used in the last 24 h)");
				assertThat(first.run(profile, TODAY).exitCode()).isEqualTo(ExitCode.OK);
				assertThat(writes(first)).as("the second run date, same night: nothing left").isEqualTo(afterFirst);
				assertThat(output).contains("Profile acme: caps allow 0 (" + afterFirst + " used in the last 24 h)");

				Instant almostADayLater = FIRST.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(50));
				try (JobHarness third = first.restartOnSameDatabase(Clock.fixed(almostADayLater, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
					assertThat(third.run(profile, TODAY.plusDays(1)).exitCode()).isEqualTo(ExitCode.OK);

					assertThat(writes(third)).as("three run dates within 24 h share one allowance: at most 5 % of %d",
							activeBefore).isEqualTo(afterFirst).isLessThanOrEqualTo(cap);
					assertThat(deactivatedInSalesforce(sandbox, activeBefore)).isLessThanOrEqualTo(cap);
				}
				Instant nextNight = FIRST.plus(Duration.ofDays(2));
				try (JobHarness later = first.restartOnSameDatabase(Clock.fixed(nextNight, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
					assertThat(later.run(profile, TODAY.plusDays(2)).exitCode()).isEqualTo(ExitCode.OK);

					assertThat(writes(later)).as("a night more than 24 h later on the run's own clock gets a new allowance")
						.isGreaterThan(afterFirst);
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void approvingEverythingThenRunningWritesOnlyTheCapsAllowanceOldestApprovalsFirst(TestDatabase database,
			CapturedOutput output) {
		try (Sandbox sandbox = Sandbox.builder().users(400).seed(11).loginDays(120).now(FIRST).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(FIRST, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
			assertThat(app.run(TestProfiles.of("acme", sandbox).rules(BY_OPERATOR).build(), TODAY.minusDays(1)).exitCode())
				.isEqualTo(ExitCode.OK);
			CandidateStore store = app.bean(CandidateStore.class);
			List<Candidate> found = store.find(new CandidateFilter("acme", CandidateState.NEW, null));
			List<Candidate> early = found.subList(found.size() - 3, found.size());
			early.forEach(c -> store.decide(c, CandidateState.APPROVED, "grace", FIRST.minus(Duration.ofHours(2))));
			assertThat(SeatkeeperCommandLine.create(app.bean(CommandLine.IFactory.class))
				.execute("candidates", "approve", "--profile", "acme", "--all", "--yes", "--operator", "grace")).isZero();
			assertThat(output).contains((found.size() - 3) + " candidate(s) approved by grace");
			int approved = found.size();
			int cap = app.count("SELECT COUNT(*) FROM sf_user WHERE profile = 'acme' AND is_active = TRUE AND removed_at IS NULL") / 20;
			assertThat(approved).as("more approved than the caps allow").isGreaterThan(cap + 3);

			Profile enforce = TestProfiles.of("acme", sandbox).rules(BY_OPERATOR).mode(Mode.ENFORCE).caps(100, 0.05).build();
			assertThat(app.run(enforce, TODAY).exitCode()).isEqualTo(ExitCode.OK);

			assertThat(writes(app)).isEqualTo(cap);
			assertThat(app.count("SELECT COUNT(*) FROM reclamation_candidate WHERE state = 'APPROVED'"))
				.as("the rest stay approved and wait").isEqualTo(approved - cap);
			assertThat(early).allSatisfy(c -> assertThat(store.get(c.id()).state())
				.isIn(CandidateState.RECLAIMED, CandidateState.FAILED));
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void administratorsIdleForADayAreSkippedWithTheReasonUnlessTheProfileAllowsThem(TestDatabase database) {
		Rule oneDay = new Rule("one-day", List.of("user-license"), 1, false, 0, Action.DEACTIVATE, false);
		try (Sandbox sandbox = Sandbox.builder().users(400).seed(11).loginDays(120).now(FIRST).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(FIRST, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
			Set<String> idleAdmins = idleAdministrators(sandbox, FIRST.minus(Duration.ofDays(1)));
			assertThat(idleAdmins).as("the org has idle administrators").isNotEmpty();
			Profile profile = TestProfiles.of("acme", sandbox).rules(oneDay).mode(Mode.ENFORCE).caps(1000, 1.0)
				.newUserGraceDays(0).build();

			assertThat(app.run(profile, TODAY).exitCode()).isEqualTo(ExitCode.OK);

			assertThat(usersSkippedAs(app, "acme",
					"protected administrator: profile System Administrator grants Modify All Data, Manage Users, Customize Application"))
				.isEqualTo(idleAdmins);
			assertThat(idleAdmins).allSatisfy(id -> assertThat(sandbox.org().find(id).fieldValue("IsActive")).isEqualTo(true));
			assertThat(writes(app)).as("everyone else idle was reclaimed").isPositive();

			Profile allowing = TestProfiles.of("allowing", sandbox).rules(oneDay).newUserGraceDays(0).allowPrivilegedUsers()
				.build();
			assertThat(app.run(allowing, TODAY).exitCode()).isEqualTo(ExitCode.OK);
			assertThat(app.jdbc().queryForList("SELECT user_id FROM reclamation_candidate WHERE profile = 'allowing'"
					+ " AND state = 'NEW'", String.class)).containsAll(idleAdmins);
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void overridingTheCapsOnTheCommandLineIsAuditedWithTheOperator(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(300).seed(11).loginDays(120).now(FIRST).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(FIRST, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
			Profile profile = TestProfiles.of("acme", sandbox).rules(NO_WAIT).mode(Mode.ENFORCE).caps(2, 1.0).build();

			assertThat(app.run(profile, TODAY, "grace").exitCode()).isEqualTo(ExitCode.OK);

			int approved = app.count("SELECT COUNT(*) FROM reclamation_audit WHERE to_state = 'APPROVED'"
					+ " AND from_state <> 'APPROVED' AND detail LIKE '%caps overridden by grace on the command line%'");
			assertThat(approved).as("every due candidate, approved beyond the cap of 2").isGreaterThan(2);
			assertThat(app.count("SELECT COUNT(*) FROM reclamation_audit WHERE actor = 'grace'"
					+ " AND detail LIKE 'caps overridden by grace on the command line: written beyond the caps allow 2 (0 used%'"))
				.isEqualTo(approved - 2);
			assertThat(writes(app)).isGreaterThan(2);
			assertThat(app.count("SELECT COUNT(*) FROM reclamation_candidate WHERE state = 'APPROVED'")).as("none left waiting")
				.isZero();
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void overridingTheCapsWithoutNamingTheOperatorRunsNothing(TestDatabase database, CapturedOutput output) {
		try (Sandbox sandbox = Sandbox.builder().users(60).seed(11).loginDays(20).now(FIRST).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(FIRST, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
			int exit = SeatkeeperCommandLine.create(app.bean(CommandLine.IFactory.class))
				.execute("run", "--profile", "acme", "--override-caps");

			assertThat(exit).isEqualTo(ExitCode.USAGE.code()).isEqualTo(64);
			assertThat(output.getErr()).contains("--override-caps needs --operator NAME: whoever lifts the caps is "
					+ "recorded in the audit. Nothing was run.");
			assertThat(app.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isZero();
			assertThat(sandbox.requests().entries()).as("no call to Salesforce").isEmpty();
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void theWeeklyCapBoundsTheWritesOfSevenDaysWhateverTheDailyAllowance(TestDatabase database, CapturedOutput output) {
		try (Sandbox sandbox = Sandbox.builder().users(400).seed(11).loginDays(120).now(FIRST).build().start()) {
			Profile profile = TestProfiles.of("acme", sandbox).rules(NO_WAIT).mode(Mode.ENFORCE).caps(6, 1.0).maxPerWeek(10)
				.build();
			try (JobHarness first = JobHarness.start(database, Clock.fixed(FIRST, ZoneOffset.UTC),
					TestProfiles.properties(sandbox))) {
				assertThat(first.run(profile, TODAY).exitCode()).isEqualTo(ExitCode.OK);
				assertThat(writes(first)).as("the daily limit").isEqualTo(6);
				assertThat(output).contains("Profile acme: caps allow 6 (0 used in the last 24 h)");

				assertThat(night(first, sandbox, profile, 1, Duration.ofMinutes(5))).as("a day later: 10 a week less 6")
					.isEqualTo(10);
				assertThat(output).contains("Profile acme: caps allow 4 (0 used in the last 24 h)");
				assertThat(night(first, sandbox, profile, 2, Duration.ofMinutes(10))).as("the week's 10 are spent")
					.isEqualTo(10);
				assertThat(output).contains("Profile acme: caps allow 0 (0 used in the last 24 h)");
				assertThat(night(first, sandbox, profile, 7, Duration.ofHours(1)))
					.as("a week after the first night its 6 writes leave the window: a full day's 6 again").isEqualTo(16);
			}
		}
	}

	/** Runs the profile on the night {@code days} after the first (plus {@code late}); answers the writes so far. */
	private static int night(JobHarness first, Sandbox sandbox, Profile profile, int days, Duration late) {
		Instant at = FIRST.plus(Duration.ofDays(days)).plus(late);
		try (JobHarness app = first.restartOnSameDatabase(Clock.fixed(at, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			assertThat(app.run(profile, TODAY.plusDays(days)).exitCode()).isEqualTo(ExitCode.OK);
			return writes(app);
		}
	}

	/** Candidates whose reclaim write was sent: reclaimed, or refused by Salesforce. */
	private static int writes(JobHarness app) {
		return app.count("SELECT COUNT(*) FROM reclamation_candidate WHERE state IN ('RECLAIMED', 'FAILED')");
	}

	private static int deactivatedInSalesforce(Sandbox sandbox, int activeBefore) {
		return activeBefore - sandbox.facts().activeUsers();
	}

	private static Set<String> idleAdministrators(Sandbox sandbox, Instant edge) {
		Set<String> admins = new TreeSet<>();
		for (Row user : sandbox.org().table(OrgTypes.USER).rows()) {
			Instant last = (Instant) user.fieldValue("LastLoginDate");
			Instant since = (last != null) ? last : (Instant) user.fieldValue("CreatedDate");
			if ("System Administrator".equals(user.value("Profile.Name")) && Boolean.TRUE.equals(user.fieldValue("IsActive"))
					&& since.isBefore(edge)) {
				admins.add(user.id());
			}
		}
		return admins;
	}

	private static Set<String> usersSkippedAs(JobHarness app, String profile, String reason) {
		return new TreeSet<>(app.jdbc()
			.queryForList("SELECT user_id FROM reclamation_candidate WHERE profile = ? AND state = 'SKIPPED' AND reason = ?",
					String.class, profile, reason));
	}

}
