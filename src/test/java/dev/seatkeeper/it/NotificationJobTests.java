package dev.seatkeeper.it;

import static dev.seatkeeper.it.Candidates.column;
import static dev.seatkeeper.it.Candidates.usersIn;
import static dev.seatkeeper.it.Candidates.writeCalls;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.testsupport.TestDatabase;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Notices against the sandbox and an in-process SMTP server: one e-mail per user, sent once, waits counted from it;
 * nothing sent in detect and dry-run, and without SMTP the candidates wait instead of being reclaimed unnoticed.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationJobTests {

	static final Instant NOW = ReclamationJobTests.NOW;

	static final LocalDate RUN_DATE = ReclamationJobTests.RUN_DATE;

	static final String FROM = "it-licenses@acme.example";

	/** Covers user and permission-set licenses, so idle users holding both get one notice listing both. */
	static final Rule NOTIFY_14 = new Rule("notify", List.of("user-license", "permission-set-license"), 60, true, 14,
			Action.DEACTIVATE, false);

	static final Rule NOTIFY_NOW = new Rule("notify-now", List.of("user-license"), 60, true, 0, Action.DEACTIVATE,
			false);

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void eachUserIsMailedOnceListingEveryLicenseAndApprovedFromTheDateTheNoticeNamed(TestDatabase database)
			throws Exception {
		try (Sandbox sandbox = Sandbox.builder().users(200).seed(5).loginDays(120).now(NOW).build().start()) {
			Profile enforce = TestProfiles.of("acme", sandbox).rules(NOTIFY_14).mode(Mode.ENFORCE).caps(1000, 1.0).build();
			try (JobHarness first = JobHarness.start(database, at(NOW), withMail(sandbox, port()))) {
				assertThat(first.run(enforce, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

				Set<String> notified = usersIn(first, "acme", "NOTIFIED");
				assertThat(usersIn(first, "acme", "NEW")).isEmpty();
				Map<String, MimeMessage> mails = byRecipient(received());
				assertThat(mails.keySet()).as("one mail to each user's User.Email").isEqualTo(emails(sandbox, notified));
				String several = userWithSeveralCandidates(first);
				String body = body(mails.get(email(sandbox, several)));
				first.jdbc()
					.query("SELECT c.model, m.label, c.last_activity_at FROM reclamation_candidate c JOIN software_model m"
							+ " ON m.profile = c.profile AND m.identifier = c.model WHERE c.user_id = ? AND c.state = 'NOTIFIED'",
							row -> {
								assertThat(body).contains("  - " + row.getString("label") + " (" + row.getString("model")
										+ "): " + activity(row.getObject("last_activity_at", LocalDateTime.class))
										+ ", reclaimed from 2026-12-11\n");
							}, several);
				assertThat(mails.get(email(sandbox, several)).getFrom()[0].toString()).isEqualTo(FROM);
				assertThat(mails.get(email(sandbox, several)).getSubject())
					.isEqualTo("Your Salesforce licenses in acme may be reclaimed from 2026-12-11");
				assertThat(first.count("SELECT COUNT(*) FROM reclamation_candidate WHERE state = 'NOTIFIED' AND notified_at = ?"
						+ " AND notice LIKE 'notice sent to %: reclaim from 2026-12-11'", NOW.atOffset(ZoneOffset.UTC)
							.toLocalDateTime())).isEqualTo(candidates(first));
				assertThat(first.count("SELECT COUNT(*) FROM v_reclamation_audit WHERE from_state = 'NEW' AND to_state ="
						+ " 'NOTIFIED' AND detail LIKE 'sending the notice to %'")).isEqualTo(candidates(first));
				assertThat(writeCalls(sandbox)).isEmpty();

				try (JobHarness second = first.restartOnSameDatabase(at(NOW.plus(Duration.ofDays(1))),
						withMail(sandbox, port()))) {
					mail.purgeEmailFromAllMailboxes();
					assertThat(second.run(enforce, RUN_DATE.plusDays(1)).exitCode()).isEqualTo(ExitCode.OK);

					assertThat(byRecipient(received()).keySet()).as("the next night mails only new candidates")
						.doesNotContainAnyElementsOf(emails(sandbox, notified));
					assertThat(usersIn(second, "acme", "NOTIFIED")).containsAll(notified);
					assertThat(usersIn(second, "acme", "APPROVED")).as("the wait is not over").isEmpty();
					assertThat(writeCalls(sandbox)).isEmpty();
				}
				try (JobHarness last = first.restartOnSameDatabase(at(NOW.plus(Duration.ofDays(14))),
						withMail(sandbox, port()))) {
					mail.purgeEmailFromAllMailboxes();
					Profile dryRun = TestProfiles.of("acme", sandbox).rules(NOTIFY_14).mode(Mode.DRY_RUN).caps(1000, 1.0)
						.build();
					assertThat(last.run(dryRun, RUN_DATE.plusDays(14)).exitCode()).isEqualTo(ExitCode.OK);

					assertThat(usersIn(last, "acme", "APPROVED")).as("the first night's, on 2026-12-11").isEqualTo(notified);
					assertThat(last.count("SELECT COUNT(*) FROM v_reclamation_audit WHERE to_state = 'APPROVED' AND detail ="
							+ " 'approved automatically: the reclaim date 2026-12-11 of the notice sent 2026-11-27 is reached'"))
						.isEqualTo(candidates(last));
					assertThat(mail.getReceivedMessages()).as("dry-run sends nothing").isEmpty();
					assertThat(writeCalls(sandbox)).isEmpty();
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void withoutSmtpTheCandidatesRecordThatNoNoticeWasSentAndAreNeverApprovedAutomatically(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(200).seed(5).loginDays(120).now(NOW).build().start()) {
			Profile enforce = TestProfiles.of("acme", sandbox).rules(NOTIFY_NOW).mode(Mode.ENFORCE).caps(1000, 1.0).build();
			try (JobHarness first = JobHarness.start(database, at(NOW), TestProfiles.properties(sandbox))) {
				assertThat(first.run(enforce, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);
				Set<String> waiting = usersIn(first, "acme", "NEW");

				try (JobHarness later = first.restartOnSameDatabase(at(NOW.plus(Duration.ofDays(30))),
						TestProfiles.properties(sandbox))) {
					assertThat(later.run(enforce, RUN_DATE.plusDays(30)).exitCode()).isEqualTo(ExitCode.OK);

					assertThat(waiting).isNotEmpty();
					assertThat(usersIn(later, "acme", "NEW")).containsAll(waiting);
					assertThat(later.count("SELECT COUNT(*) FROM reclamation_candidate WHERE state NOT IN ('NEW', 'SKIPPED')"))
						.isZero();
					assertThat(Set.copyOf(column(later, "acme", "notice").values()))
						.containsExactly("no notice sent: SMTP is not configured (spring.mail.host)");
					assertThat(later.count("SELECT COUNT(*) FROM reclamation_audit WHERE from_state = 'NEW' AND to_state = 'NEW'"))
						.as("recorded once, not again each night").isEqualTo(candidates(later));
					assertThat(writeCalls(sandbox)).isEmpty();
					assertThat(mail.getReceivedMessages()).isEmpty();
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void detectSendsNothingAndDryRunOnlySaysWhoItWouldNotify(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(200).seed(5).loginDays(120).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, at(NOW), withMail(sandbox, port()))) {
			assertThat(app.run(TestProfiles.of("detect", sandbox).rules(NOTIFY_NOW).build(), RUN_DATE).exitCode())
				.isEqualTo(ExitCode.OK);
			assertThat(app.run(TestProfiles.of("dry", sandbox).rules(NOTIFY_NOW).mode(Mode.DRY_RUN).caps(1000, 1.0).build(),
					RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

			assertThat(mail.getReceivedMessages()).isEmpty();
			assertThat(column(app, "detect", "notice").values()).isNotEmpty().containsOnlyNulls();
			Map<String, String> dryNotices = column(app, "dry", "notice");
			assertThat(dryNotices).isNotEmpty().allSatisfy((userAndModel, notice) -> assertThat(notice)
				.isEqualTo("dry-run: no notice sent (would notify " + email(sandbox, userAndModel.split(" ")[0]) + ")"));
			assertThat(usersIn(app, "dry", "NEW")).as("nothing approved without a notice")
				.isEqualTo(usersIn(app, "detect", "NEW"));
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aNoticeTheServerCannotTakeIsRecordedAndSentOnTheNextNight(TestDatabase database) throws Exception {
		try (Sandbox sandbox = Sandbox.builder().users(120).seed(5).loginDays(120).now(NOW).build().start()) {
			Profile enforce = TestProfiles.of("acme", sandbox).rules(NOTIFY_14).mode(Mode.ENFORCE).caps(1000, 1.0).build();
			try (JobHarness first = JobHarness.start(database, at(NOW), withMail(sandbox, closedPort()))) {
				assertThat(first.run(enforce, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

				Set<String> unsent = usersIn(first, "acme", "NEW");
				assertThat(unsent).isNotEmpty();
				assertThat(usersIn(first, "acme", "NOTIFIED")).isEmpty();
				assertThat(column(first, "acme", "notice").values())
					.allSatisfy(notice -> assertThat(notice).startsWith("no notice sent")
						.contains("Couldn't connect to host")
						.endsWith("; tried again on the next run"));
				assertThat(first.jdbc()
					.queryForList("SELECT DISTINCT c.user_id FROM reclamation_audit a JOIN reclamation_candidate c"
							+ " ON c.id = a.candidate_id WHERE a.from_state = 'NOTIFIED' AND a.to_state = 'NEW'", String.class))
					.as("after the server failed, the run stops trying").hasSize(1);

				try (JobHarness second = first.restartOnSameDatabase(at(NOW.plus(Duration.ofDays(1))),
						withMail(sandbox, port()))) {
					assertThat(second.run(enforce, RUN_DATE.plusDays(1)).exitCode()).isEqualTo(ExitCode.OK);

					assertThat(usersIn(second, "acme", "NOTIFIED")).containsAll(unsent);
					assertThat(byRecipient(received()).keySet()).containsAll(emails(sandbox, unsent));
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void aLoginTheServerRefusesIsRecordedAndNothingLogsOrStoresTheSmtpPassword(TestDatabase database,
			CapturedOutput output) {
		String password = "smtp-pa55word-never-shown";
		GreenMail authenticating = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
			.withConfiguration(GreenMailConfiguration.aConfig().withUser("seatkeeper", "the-right-one"));
		authenticating.start();
		try (Sandbox sandbox = Sandbox.builder().users(120).seed(5).loginDays(120).now(NOW).build().start()) {
			Map<String, Object> properties = withMail(sandbox, authenticating.getSmtp().getPort());
			properties.put("spring.mail.username", "seatkeeper");
			properties.put("spring.mail.password", password);
			properties.put("spring.mail.properties.mail.smtp.auth", "true");
			try (JobHarness app = JobHarness.start(database, at(NOW), properties)) {
				Profile enforce = TestProfiles.of("acme", sandbox).rules(NOTIFY_14).mode(Mode.ENFORCE).build();
				assertThat(app.run(enforce, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

				assertThat(column(app, "acme", "notice").values()).isNotEmpty()
					.allSatisfy(notice -> assertThat(notice).startsWith("no notice sent")
						.contains("535 5.7.8 Authentication credentials invalid")
						.doesNotContain(password));
				assertThat(app.count("SELECT COUNT(*) FROM reclamation_audit WHERE detail LIKE ?", "%" + password + "%"))
					.isZero();
				assertThat(output.getAll()).contains("was not sent").doesNotContain(password);
				assertThat(authenticating.getReceivedMessages()).isEmpty();
			}
		}
		finally {
			authenticating.stop();
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aNoticeWhoseSendingWasInterruptedIsNeverSentAgainNorApprovedAutomatically(TestDatabase database)
			throws Exception {
		try (Sandbox sandbox = Sandbox.builder().users(120).seed(5).loginDays(120).now(NOW).build().start()) {
			try (JobHarness first = JobHarness.start(database, at(NOW), withMail(sandbox, port()))) {
				assertThat(first.run(TestProfiles.of("acme", sandbox).rules(NOTIFY_NOW).build(), RUN_DATE).exitCode())
					.isEqualTo(ExitCode.OK);
				String interrupted = usersIn(first, "acme", "NEW").iterator().next();
				// What a crash between recording the notice and confirming it leaves behind.
				first.jdbc().update("UPDATE reclamation_candidate SET state = 'NOTIFIED', notice = ? WHERE user_id = ?",
						"sending the notice to " + email(sandbox, interrupted) + " (reclaim from 2026-11-27)", interrupted);

				Profile enforce = TestProfiles.of("acme", sandbox).rules(NOTIFY_NOW).mode(Mode.ENFORCE).caps(1000, 1.0)
					.build();
				try (JobHarness second = first.restartOnSameDatabase(at(NOW.plus(Duration.ofDays(1))),
						withMail(sandbox, port()))) {
					assertThat(second.run(enforce, RUN_DATE.plusDays(1)).exitCode()).isEqualTo(ExitCode.OK);
				}
				try (JobHarness third = first.restartOnSameDatabase(at(NOW.plus(Duration.ofDays(2))),
						withMail(sandbox, port()))) {
					Profile dryRun = TestProfiles.of("acme", sandbox).rules(NOTIFY_NOW).mode(Mode.DRY_RUN).caps(1000, 1.0)
						.build();
					assertThat(third.run(dryRun, RUN_DATE.plusDays(2)).exitCode()).isEqualTo(ExitCode.OK);

					assertThat(byRecipient(received())).isNotEmpty().doesNotContainKey(email(sandbox, interrupted));
					assertThat(Candidates.stateOf(third, "acme", interrupted, "UserLicense:SFDC")).startsWith("NOTIFIED");
					assertThat(column(third, "acme", "notice")).containsEntry(interrupted + " UserLicense:SFDC",
							"interrupted while sending the notice to " + email(sandbox, interrupted)
									+ " (reclaim from 2026-11-27): it may not have arrived, so it is not sent again and"
									+ " an operator decides");
					assertThat(usersIn(third, "acme", "APPROVED")).as("the others' notices were confirmed")
						.isNotEmpty()
						.doesNotContain(interrupted);
				}
			}
		}
	}

	private static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

	private static int port() {
		return mail.getSmtp().getPort();
	}

	/** A local port nothing listens on: the SMTP connection is refused. */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Map<String, Object> withMail(Sandbox sandbox, int port) {
		Map<String, Object> properties = new HashMap<>(TestProfiles.properties(sandbox));
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", port);
		properties.put("seatkeeper.reclamation.mail.from", FROM);
		return properties;
	}

	/** Every message the server received since it started or was last purged (in no particular order). */
	private static List<MimeMessage> received() {
		return Arrays.asList(mail.getReceivedMessages());
	}

	/** Messages by their one recipient; fails on a recipient mailed twice. */
	private static Map<String, MimeMessage> byRecipient(List<MimeMessage> messages) throws MessagingException {
		Map<String, MimeMessage> byRecipient = new HashMap<>();
		for (MimeMessage message : messages) {
			assertThat(message.getAllRecipients()).hasSize(1);
			String recipient = message.getAllRecipients()[0].toString();
			assertThat(byRecipient.put(recipient, message)).as("a second mail to " + recipient).isNull();
		}
		return byRecipient;
	}

	private static String body(MimeMessage message) throws MessagingException, IOException {
		return message.getContent().toString().replace("\r\n", "\n");
	}

	private static String email(Sandbox sandbox, String userId) {
		return (String) sandbox.org().find(userId).fieldValue("Email");
	}

	private static Set<String> emails(Sandbox sandbox, Set<String> userIds) {
		return userIds.stream().map(id -> email(sandbox, id)).collect(Collectors.toCollection(TreeSet::new));
	}

	private static String activity(@Nullable LocalDateTime lastActivity) {
		return (lastActivity != null) ? "last activity " + lastActivity.toLocalDate() : "never logged in";
	}

	private static String userWithSeveralCandidates(JobHarness app) {
		List<String> users = app.jdbc()
			.queryForList("SELECT user_id FROM reclamation_candidate WHERE state = 'NOTIFIED' GROUP BY user_id"
					+ " HAVING COUNT(*) > 1 ORDER BY user_id", String.class);
		assertThat(users).as("the scenario has users idle on several licenses").isNotEmpty();
		return users.get(0);
	}

	/** Candidates (not skipped) detected on the first night. */
	private static int candidates(JobHarness app) {
		return app.count("SELECT COUNT(*) FROM reclamation_candidate WHERE profile = 'acme' AND state <> 'SKIPPED'"
				+ " AND detected_at = ?", NOW.atOffset(ZoneOffset.UTC).toLocalDateTime());
	}

}
