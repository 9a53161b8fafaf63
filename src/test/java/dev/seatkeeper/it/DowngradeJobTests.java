package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.cli.SeatkeeperCommandLine;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.profile.Downgrade;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Holders;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.profile.RecordActivitySettings;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.reclamation.candidate.CandidateFilter;
import dev.seatkeeper.reclamation.candidate.CandidateState;
import dev.seatkeeper.reclamation.candidate.CandidateStore;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.testsupport.DowngradeFacts;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import picocli.CommandLine;

/**
 * The {@code downgrade} action: a downgrade rule's candidates are exactly the Salesforce holders who touched none of
 * the expensive objects (right-sizing's judgement); an approved one in enforce mode gets its {@code User.ProfileId}
 * changed to the target profile once, and then counts under the cheaper license; a change Salesforce refuses ends
 * FAILED with Salesforce's message; the caps bound the writes; {@code candidates preview} shows the action; a target
 * profile the org lacks, or of another license, fails the run as invalid configuration before anything is written.
 * On H2 and on the MySQL-compatible server.
 */
@ExtendWith(OutputCaptureExtension.class)
class DowngradeJobTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	static final Downgrade TO_PLATFORM = new Downgrade("UserLicense:SFDC", "UserLicense:AUL",
			List.of("Opportunity", "Case", "Campaign"), 90, "Standard Platform User");

	static final RecordActivitySettings RECORDS = new RecordActivitySettings(true, 365, 60,
			Map.of("UserLicense:SFDC", List.of("Account", "Contact", "Opportunity", "Campaign"),
					"FeatureLicense:SupportUser", List.of("Case")));

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void anApprovedDowngradeChangesExactlyThatUsersProfileOnceAndARefusalFailsWithSalesforcesMessage(
			TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(700).seed(7).loginDays(60).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
			Rule byOperator = downgradeRule(true, TO_PLATFORM);
			assertThat(app.run(profile(sandbox, Mode.ENFORCE, byOperator), RUN_DATE.minusDays(1)).exitCode())
				.isEqualTo(ExitCode.OK);

			Set<String> judged = new TreeSet<>(app.jdbc().queryForList(
					"SELECT user_id FROM reclamation_candidate WHERE rule_name = 'to-platform'", String.class));
			assertThat(judged).as("candidates and skipped ones are right-sizing's users").isNotEmpty()
				.isEqualTo(expected(sandbox));
			assertThat(app.jdbc().queryForList("SELECT evidence FROM reclamation_candidate WHERE state = 'NEW'",
					String.class))
				.isNotEmpty()
				.allSatisfy((evidence) -> assertThat(evidence).startsWith("no record created or edited on Case, Opportunity").endsWith("; downgrade to UserLicense:AUL, profile 'Standard Platform User'"));
			assertThat(Candidates.writeCalls(sandbox)).as("nothing approved yet").isEmpty();

			CandidateStore store = app.bean(CandidateStore.class);
			List<Candidate> plain = store.find(new CandidateFilter("acme", CandidateState.NEW, null)).stream()
				.filter((c) -> !hasSalesforceOnlyFeature(sandbox, c.key().userId()))
				.toList();
			assertThat(plain).hasSizeGreaterThan(5);
			int waiting = store.find(new CandidateFilter("acme", CandidateState.NEW, null)).size();
			List<Candidate> approved = plain.subList(0, 4);
			Candidate refused = approved.get(3);
			sandbox.org().holdLicensedPermission(refused.key().userId(), "Convert Leads");
			approved.forEach((c) -> store.decide(c, CandidateState.APPROVED, "grace", NOW.minus(Duration.ofHours(1))));
			freePlatformSeats(sandbox, 5);
			Map<String, Integer> seatsBefore = usedSeats(sandbox);
			Map<String, Object> profilesBefore = profileIds(sandbox);
			sandbox.requests().clear();
			sandbox.org().writer().journal().clear();

			assertThat(app.run(profile(sandbox, Mode.ENFORCE, byOperator), RUN_DATE).exitCode())
				.isEqualTo(ExitCode.OK);

			String platform = profileId(sandbox, "Standard Platform User");
			List<String> downgraded = approved.subList(0, 3).stream().map((c) -> c.key().userId()).toList();
			Map<String, Object> expectedProfiles = new TreeMap<>(profilesBefore);
			downgraded.forEach((user) -> expectedProfiles.put(id15(user), platform));
			assertThat(profileIds(sandbox)).as("exactly the approved users' profiles changed")
				.isEqualTo(expectedProfiles);
			assertThat(downgraded).allSatisfy((user) -> assertThat(Candidates.stateOf(app, "acme", user,
					"UserLicense:SFDC")).isEqualTo("RECLAIMED: profile changed to the downgrade's target profile"));
			assertThat(Candidates.stateOf(app, "acme", refused.key().userId(), "UserLicense:SFDC"))
				.isEqualTo("FAILED: FIELD_INTEGRITY_EXCEPTION: The user license doesn't allow the permission: Convert Leads");
			assertThat(journal(sandbox)).as("one write per approved user, nothing else")
				.containsExactlyInAnyOrderElementsOf(approved.stream().map((c) -> "UPDATE " + id15(c.key().userId()))
					.toList());
			assertThat(Candidates.writeCalls(sandbox)).containsExactly("PATCH /services/data/v62.0/composite/sobjects");
			assertThat(usedSeats(sandbox)).as("three seats moved from Salesforce to Salesforce Platform")
				.containsEntry("SFDC", seatsBefore.get("SFDC") - 3)
				.containsEntry("AUL", seatsBefore.get("AUL") + 3);
			assertThat(app.count("SELECT COUNT(*) FROM reclamation_candidate WHERE state = 'NEW'"))
				.as("unapproved candidates wait").isEqualTo(waiting - 4);

			sandbox.requests().clear();
			sandbox.org().writer().journal().clear();
			try (JobHarness nextNight = app.restartOnSameDatabase(Clock.fixed(NOW.plus(Duration.ofDays(1)),
					ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
				assertThat(nextNight.run(profile(sandbox, Mode.ENFORCE, byOperator), RUN_DATE.plusDays(1)).exitCode())
					.isEqualTo(ExitCode.OK);

				assertThat(Candidates.writeCalls(sandbox)).as("a second run writes nothing again").isEmpty();
				assertThat(journal(sandbox)).isEmpty();
				assertThat(downgraded).allSatisfy((user) -> {
					assertThat(Candidates.stateOf(nextNight, "acme", user, "UserLicense:SFDC")).startsWith("RECLAIMED:");
					assertThat(nextNight.jdbc().queryForList("SELECT model_identifier FROM subscription WHERE profile ="
							+ " 'acme' AND user_id = ? AND ended_at IS NULL AND model_identifier LIKE 'UserLicense:%'",
							String.class, user)).as("the next night counts the user under the cheaper license")
						.containsExactly("UserLicense:AUL");
				});
			}
		}
	}

	/**
	 * A run interrupted between the mark and the answer: the candidate whose change reached Salesforce is confirmed
	 * there without a write, the one whose change did not is written once.
	 */
	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void anInterruptedDowngradeIsConfirmedInSalesforceOrWrittenOnce(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(700).seed(7).loginDays(60).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
			Rule byOperator = downgradeRule(true, TO_PLATFORM);
			assertThat(app.run(profile(sandbox, Mode.ENFORCE, byOperator), RUN_DATE.minusDays(1)).exitCode())
				.isEqualTo(ExitCode.OK);
			CandidateStore store = app.bean(CandidateStore.class);
			List<Candidate> plain = store.find(new CandidateFilter("acme", CandidateState.NEW, null)).stream()
				.filter((c) -> !hasSalesforceOnlyFeature(sandbox, c.key().userId()))
				.limit(2)
				.toList();
			freePlatformSeats(sandbox, 2);
			for (Candidate candidate : plain) {
				store.decide(candidate, CandidateState.APPROVED, "grace", NOW.minus(Duration.ofHours(1)));
				assertThat(store.move(store.get(candidate.id()), CandidateState.APPROVED, CandidateState.RECLAIMING, null,
						NOW.minus(Duration.ofMinutes(30)), Mode.ENFORCE)).isTrue();
			}
			String platform = sandbox.org().table(OrgTypes.PROFILE).rows().stream()
				.filter((p) -> "Standard Platform User".equals(p.fieldValue("Name"))).map(Row::id).findFirst()
				.orElseThrow();
			String reached = plain.get(0).key().userId();
			String lost = plain.get(1).key().userId();
			assertThat(sandbox.org().writer().update(reached, Map.of("ProfileId", platform)).success()).isTrue();
			sandbox.org().writer().journal().clear();

			assertThat(app.run(profile(sandbox, Mode.ENFORCE, byOperator), RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

			assertThat(Candidates.stateOf(app, "acme", reached, "UserLicense:SFDC"))
				.isEqualTo("RECLAIMED: downgrade confirmed in Salesforce after an interrupted run");
			assertThat(Candidates.stateOf(app, "acme", lost, "UserLicense:SFDC"))
				.isEqualTo("RECLAIMED: profile changed to the downgrade's target profile");
			assertThat(journal(sandbox)).as("only the change that never arrived is written").containsExactly(
					"UPDATE " + id15(lost));
			assertThat(id15((String) sandbox.org().find(lost).fieldValue("ProfileId"))).isEqualTo(id15(platform));
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void automaticDowngradesStayWithinTheCapsAndThePreviewShowsThem(TestDatabase database, CapturedOutput output,
			@TempDir Path profiles) throws IOException {
		try (Sandbox sandbox = Sandbox.builder().users(700).seed(7).loginDays(60).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
			freePlatformSeats(sandbox, 5);
			Map<String, Object> profilesBefore = profileIds(sandbox);
			Profile capped = TestProfiles.of("acme", sandbox).records(RECORDS).rules(downgradeRule(false, TO_PLATFORM))
				.mode(Mode.ENFORCE).caps(2, 1.0).downgrades(TO_PLATFORM).build();

			assertThat(app.run(capped, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

			Set<String> written = new TreeSet<>(app.jdbc().queryForList(
					"SELECT user_id FROM reclamation_candidate WHERE state IN ('RECLAIMED', 'FAILED')", String.class));
			assertThat(written).as("maxPerRun 2").hasSize(2);
			assertThat(app.count("SELECT COUNT(*) FROM reclamation_candidate WHERE state = 'NEW'"))
				.as("the rest wait for the caps").isGreaterThan(5);
			Map<String, Object> changed = new TreeMap<>(profileIds(sandbox));
			changed.entrySet().removeIf((e) -> e.getValue().equals(profilesBefore.get(e.getKey())));
			assertThat(changed.keySet()).isSubsetOf(written.stream().map(DowngradeJobTests::id15).toList());
			assertThat(journal(sandbox)).hasSize(2);

			Files.writeString(profiles.resolve("acme.yaml"), """
					name: acme
					status: draft
					salesforce:
					  sandbox: {users: 10}
					reclamation:
					  mode: enforce
					  maxPerRun: 2
					  maxShareOfActiveUsers: 1.0
					  allowLargeReclamations: true
					  rules:
					    - name: to-platform
					      appliesTo: [UserLicense:SFDC]
					      action: downgrade
					downgrades:
					  - from: UserLicense:SFDC
					    to: UserLicense:AUL
					    requires: [Opportunity, Case, Campaign]
					    targetProfile: Standard Platform User
					""");
			int start = output.getOut().length();
			assertThat(SeatkeeperCommandLine.create(app.bean(CommandLine.IFactory.class))
				.execute("candidates", "preview", "--profile", "acme", "--profiles-dir", profiles.toString())).isZero();
			String preview = output.getOut().substring(start);
			assertThat(preview).contains("Profile acme in enforce mode", "2 written in the last 24 h");
			assertThat(preview.lines().filter((line) -> line.startsWith("to-platform")))
				.singleElement().asString().contains("DOWNGRADE");
			assertThat(preview).contains("Rule to-platform downgrades: holders of UserLicense:SFDC get profile"
					+ " 'Standard Platform User' (UserLicense:AUL) in Salesforce.");
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aTargetProfileTheOrgLacksOrOfAnotherLicenseFailsTheRunBeforeAnythingIsWritten(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(300).seed(7).loginDays(60).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
			Downgrade missing = new Downgrade("UserLicense:SFDC", "UserLicense:AUL", List.of("Opportunity"), 90,
					"Standard Platfrom User");
			RunResult result = app.run(profile(sandbox, Mode.ENFORCE, downgradeRule(false, missing)),
					RUN_DATE.minusDays(1));
			assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_CONFIGURATION);
			assertThat(result.message()).contains("Profile 'acme': downgrade UserLicense:SFDC -> UserLicense:AUL:"
					+ " targetProfile 'Standard Platfrom User' is not a profile in the org");

			Downgrade sameLicense = new Downgrade("UserLicense:SFDC", "UserLicense:AUL", List.of("Opportunity"), 90,
					"Standard User");
			result = app.run(profile(sandbox, Mode.DRY_RUN, downgradeRule(false, sameLicense)), RUN_DATE);
			assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_CONFIGURATION);
			assertThat(result.message()).contains("targetProfile 'Standard User' is a profile of UserLicense:SFDC, not"
					+ " of UserLicense:AUL");
			assertThat(Candidates.writeCalls(sandbox)).isEmpty();
		}
	}

	static Rule downgradeRule(boolean requireApproval, Downgrade downgrade) {
		return new Rule("to-platform", List.of(downgrade.from()), 0, false, 0, Action.DOWNGRADE, requireApproval,
				Holders.ACTIVE_USERS, null, List.of(downgrade));
	}

	private static Profile profile(Sandbox sandbox, Mode mode, Rule rule) {
		return TestProfiles.of("acme", sandbox).records(RECORDS).rules(rule).mode(mode).caps(100, 0.5)
			.downgrades(rule.downgrades().toArray(Downgrade[]::new)).build();
	}

	/** Active SFDC holders without a create or edit of an Opportunity or Case in the 90 days before the run. */
	private static Set<String> expected(Sandbox sandbox) {
		return DowngradeFacts.salesforceUsersIdleOnOpportunitiesAndCases(sandbox, NOW);
	}

	private static boolean hasSalesforceOnlyFeature(Sandbox sandbox, String userId) {
		Row user = sandbox.org().find(userId);
		return Boolean.TRUE.equals(user.fieldValue("UserPermissionsSupportUser"))
				|| Boolean.TRUE.equals(user.fieldValue("UserPermissionsMarketingUser"));
	}

	/** The generated org has every Platform seat taken: deactivating some Platform users frees theirs. */
	private static void freePlatformSeats(Sandbox sandbox, int seats) {
		List<Row> platformUsers = new ArrayList<>(sandbox.org().table(OrgTypes.USER).rows().stream()
			.filter((user) -> Boolean.TRUE.equals(user.fieldValue("IsActive"))
					&& "AUL".equals(user.value("Profile.UserLicense.LicenseDefinitionKey")))
			.toList());
		platformUsers.subList(0, seats)
			.forEach((user) -> assertThat(sandbox.org().writer().update(user.id(), Map.of("IsActive", false)).success())
				.isTrue());
		sandbox.org().writer().journal().clear();
	}

	private static Map<String, Integer> usedSeats(Sandbox sandbox) {
		Map<String, Integer> used = new TreeMap<>();
		sandbox.org().table(OrgTypes.USER_LICENSE).rows().forEach((license) -> used
			.put((String) license.fieldValue("LicenseDefinitionKey"), (Integer) license.fieldValue("UsedLicenses")));
		return used;
	}

	private static Map<String, Object> profileIds(Sandbox sandbox) {
		Map<String, Object> ids = new TreeMap<>();
		sandbox.org().table(OrgTypes.USER).rows()
			.forEach((user) -> ids.put(id15(user.id()), id15((String) user.fieldValue("ProfileId"))));
		return ids;
	}

	private static String profileId(Sandbox sandbox, String name) {
		return sandbox.org().table(OrgTypes.PROFILE).rows().stream()
			.filter((profile) -> name.equals(profile.fieldValue("Name")))
			.map((profile) -> id15(profile.id()))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> journal(Sandbox sandbox) {
		return sandbox.org().writer().journal().entries().stream().map((e) -> e.operation() + " " + id15(e.id()))
			.toList();
	}

	private static String id15(String id) {
		return id.substring(0, 15);
	}

}
