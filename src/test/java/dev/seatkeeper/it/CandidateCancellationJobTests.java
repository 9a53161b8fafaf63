package dev.seatkeeper.it;

import static dev.seatkeeper.it.Candidates.stateOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.testsupport.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Open candidates, notified ones included, are canceled when what made them candidates is gone: the user logs in,
 * is deactivated outside Seatkeeper or loses the license, or the profile's rule no longer finds them idle. A user
 * reactivated outside Seatkeeper starts over: a fresh detection and a fresh notice.
 */
class CandidateCancellationJobTests {

	static final Instant NOW = ReclamationJobTests.NOW;

	static final LocalDate RUN_DATE = ReclamationJobTests.RUN_DATE;

	static final String USER_LICENSE = "UserLicense:SFDC";

	static final Rule NOTIFY = new Rule("notify", List.of("user-license", "permission-set-license"), 60, true, 14,
			Action.DEACTIVATE, false);

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void notifiedCandidatesAreCanceledWhenTheUserReturnsIsDeactivatedOrLosesTheLicenseAndAReactivatedUserStartsOver(
			TestDatabase database) throws Exception {
		try (Sandbox sandbox = Sandbox.builder().users(200).seed(5).loginDays(120).now(NOW).build().start()) {
			Profile enforce = TestProfiles.of("acme", sandbox).rules(NOTIFY).mode(Mode.ENFORCE).caps(1000, 1.0).build();
			try (JobHarness first = JobHarness.start(database, at(NOW), withMail(sandbox))) {
				assertThat(first.run(enforce, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);
				List<String> notified = new ArrayList<>(first.jdbc()
					.queryForList("SELECT user_id FROM reclamation_candidate WHERE state = 'NOTIFIED' AND model = ?"
							+ " ORDER BY user_id", String.class, USER_LICENSE));
				RemovedLicense removed = removeAPermissionSetLicenseOfACandidate(first, sandbox);
				String withPsl = removed.user();
				String psl = removed.model();
				notified.remove(withPsl);
				String returning = notified.remove(0);
				String deactivated = deactivateOneOf(sandbox, notified);
				sandbox.org().writer().recordLogin(returning, NOW.plus(Duration.ofHours(20)), true, "Application");

				Instant nextNight = NOW.plus(Duration.ofDays(1));
				try (JobHarness second = first.restartOnSameDatabase(at(nextNight), withMail(sandbox))) {
					assertThat(second.run(enforce, RUN_DATE.plusDays(1)).exitCode()).isEqualTo(ExitCode.OK);

					assertThat(stateOf(second, "acme", returning, USER_LICENSE))
						.isEqualTo("CANCELED: activity reappeared: last active " + NOW.plus(Duration.ofHours(20)));
					assertThat(stateOf(second, "acme", deactivated, USER_LICENSE))
						.isEqualTo("CANCELED: the user no longer holds the license or is no longer active");
					assertThat(stateOf(second, "acme", withPsl, psl))
						.isEqualTo("CANCELED: the user no longer holds the license or is no longer active");
					assertThat(stateOf(second, "acme", withPsl, USER_LICENSE)).startsWith("NOTIFIED");
				}

				assertThat(sandbox.org().writer().update(deactivated, Map.of("IsActive", true)).success()).isTrue();
				mail.purgeEmailFromAllMailboxes();
				Instant thirdNight = NOW.plus(Duration.ofDays(2));
				try (JobHarness third = first.restartOnSameDatabase(at(thirdNight), withMail(sandbox))) {
					assertThat(third.run(enforce, RUN_DATE.plusDays(2)).exitCode()).isEqualTo(ExitCode.OK);

					assertThat(stateOf(third, "acme", deactivated, USER_LICENSE)).startsWith("NOTIFIED");
					assertThat(third.count("SELECT COUNT(*) FROM reclamation_candidate WHERE user_id = ? AND model = ?"
							+ " AND detected_at = ? AND notified_at = ?", deactivated, USER_LICENSE, utc(thirdNight),
							utc(thirdNight))).as("detected and notified again on the third night").isEqualTo(1);
					List<MimeMessage> since = List.of(mail.getReceivedMessages());
					assertThat(since).extracting(message -> message.getAllRecipients()[0].toString())
						.contains((String) sandbox.org().find(deactivated).fieldValue("Email"));
					assertThat(since).extracting(MimeMessage::getSubject)
						.contains("Your Salesforce licenses in acme may be reclaimed from 2026-12-13");
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void candidatesAreCanceledWhenTheRuleNoLongerFindsThemIdleOrLeavesTheProfile(TestDatabase database) {
		Rule users7 = new Rule("users", List.of("user-license"), 7, false, 0, Action.DEACTIVATE, false);
		Rule users60 = new Rule("users", List.of("user-license"), 60, false, 0, Action.DEACTIVATE, false);
		Rule psl = new Rule("psl", List.of("permission-set-license"), 60, false, 0, Action.REMOVE_PERMISSION_SET_LICENSE,
				false);
		try (Sandbox sandbox = Sandbox.builder().users(200).seed(5).loginDays(120).now(NOW).build().start();
				JobHarness first = JobHarness.start(database, at(NOW), TestProfiles.properties(sandbox))) {
			assertThat(first.run(TestProfiles.of("acme", sandbox).rules(users7, psl).build(), RUN_DATE).exitCode())
				.isEqualTo(ExitCode.OK);
			Set<String> idle7 = new TreeSet<>(first.jdbc()
				.queryForList("SELECT user_id FROM reclamation_candidate WHERE rule_name = 'users' AND state = 'NEW'",
						String.class));
			Set<String> pslUsers = new TreeSet<>(first.jdbc()
				.queryForList("SELECT user_id FROM reclamation_candidate WHERE rule_name = 'psl' AND state = 'NEW'",
						String.class));
			// Still idle the next night under 60 days: idle since (last activity, else creation) before NOW - 59 days.
			Set<String> idle60 = new TreeSet<>(first.jdbc()
				.queryForList("SELECT c.user_id FROM reclamation_candidate c JOIN sf_user u ON u.profile = c.profile"
						+ " AND u.user_id = c.user_id WHERE c.rule_name = 'users' AND c.state = 'NEW'"
						+ " AND COALESCE(c.last_activity_at, u.created_at) < ?", String.class,
						utc(NOW.minus(Duration.ofDays(59)))));
			assertThat(pslUsers).as("the scenario has idle permission-set licenses").isNotEmpty();

			try (JobHarness second = first.restartOnSameDatabase(at(NOW.plus(Duration.ofDays(1))),
					TestProfiles.properties(sandbox))) {
				assertThat(second.run(TestProfiles.of("acme", sandbox).rules(users60).build(), RUN_DATE.plusDays(1))
					.exitCode()).isEqualTo(ExitCode.OK);

				Map<String, String> canceled = reasons(second, "users", "CANCELED");
				Set<String> raisedOut = new TreeSet<>(idle7);
				raisedOut.removeAll(idle60);
				assertThat(raisedOut).as("some were idle for 7 days but not 60").isNotEmpty();
				assertThat(canceled.keySet()).as("skipped ones aside").containsAll(raisedOut).doesNotContainAnyElementsOf(idle60);
				assertThat(canceled.values()).allSatisfy(reason -> assertThat(reason)
					.matches("the rule no longer matches: idle since \\S+, within its 60 days"));
				assertThat(reasons(second, "psl", "CANCELED").keySet()).isEqualTo(pslUsers);
				assertThat(Set.copyOf(reasons(second, "psl", "CANCELED").values()))
					.containsExactly("the rule is no longer in the profile");
			}
		}
	}

	private static Map<String, String> reasons(JobHarness app, String rule, String state) {
		Map<String, String> reasons = new HashMap<>();
		app.jdbc()
			.query("SELECT user_id, reason FROM reclamation_candidate WHERE rule_name = ? AND state = ?", row -> {
				reasons.put(row.getString("user_id"), row.getString("reason"));
			}, rule, state);
		return reasons;
	}

	/**
	 * Deletes in the sandbox, as an admin would, the permission set license assignment of a notified user who has one
	 * candidate for it and one for the user license; the first such user whose assignment Salesforce lets go (it
	 * refuses while permission sets of the user need the license). Returns the user and the license's model.
	 */
	private static RemovedLicense removeAPermissionSetLicenseOfACandidate(JobHarness app, Sandbox sandbox) {
		List<String> users = app.jdbc()
			.queryForList("SELECT user_id FROM reclamation_candidate WHERE state = 'NOTIFIED' GROUP BY user_id"
					+ " HAVING COUNT(*) = 2 AND MIN(model) LIKE 'PermissionSetLicense:%' AND MAX(model) = ? ORDER BY user_id",
					String.class, USER_LICENSE);
		for (String user : users) {
			String psl = app.jdbc()
				.queryForObject("SELECT model FROM reclamation_candidate WHERE user_id = ? AND model <> ?", String.class,
						user, USER_LICENSE);
			String assignment = app.jdbc()
				.queryForObject("SELECT assignment_id FROM subscription WHERE user_id = ? AND model_identifier = ?",
						String.class, user, psl);
			if (sandbox.org().writer().delete(assignment).success()) {
				return new RemovedLicense(user, psl);
			}
		}
		throw new AssertionError("No notified user's permission set license could be removed: " + users);
	}

	private record RemovedLicense(String user, String model) {
	}

	/** Deactivates, as an admin would in Salesforce, the first of the users the org lets go (some are protected). */
	private static String deactivateOneOf(Sandbox sandbox, List<String> users) {
		for (String user : users) {
			if (sandbox.org().writer().update(user, Map.of("IsActive", false)).success()) {
				users.remove(user);
				return user;
			}
		}
		throw new AssertionError("no user could be deactivated");
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

	private static Map<String, Object> withMail(Sandbox sandbox) {
		Map<String, Object> properties = new HashMap<>(TestProfiles.properties(sandbox));
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", mail.getSmtp().getPort());
		properties.put("seatkeeper.reclamation.mail.from", "it-licenses@acme.example");
		return properties;
	}

}
