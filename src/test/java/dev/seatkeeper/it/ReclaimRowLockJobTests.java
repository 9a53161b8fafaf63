package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.WriteJournal;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A composite result with {@code UNABLE_TO_LOCK_ROW} (another transaction held the row) is "not now", not "no": the
 * candidate goes back to APPROVED and is written again by a later run, at most three runs in all, then FAILED with
 * Salesforce's message. Every record is still written at most once successfully.
 */
class ReclaimRowLockJobTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	static final Rule FREEZE = new Rule("freeze-idle", List.of("user-license"), 60, false, 0, Action.FREEZE, false);

	static final String LOCKED = "UNABLE_TO_LOCK_ROW: unable to obtain exclusive access to this record or 1 records: ";

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aLockedRowIsWrittenAgainOnTheNextRunNotFailedForGood(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(300).seed(11).loginDays(120).now(NOW).build().start();
				JobHarness first = JobHarness.start(database, at(NOW), TestProfiles.properties(sandbox))) {
			sandbox.faults().lockNextRecords(2);

			assertThat(first.run(enforce(sandbox), RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

			List<String> locked = first.jdbc().queryForList("SELECT user_id FROM reclamation_candidate "
					+ "WHERE state = 'APPROVED' AND reason LIKE 'UNABLE_TO_LOCK_ROW%' ORDER BY user_id", String.class);
			assertThat(locked).hasSize(2);
			assertThat(first.count("SELECT COUNT(*) FROM reclamation_candidate WHERE state = 'FAILED'")).isZero();
			assertThat(first.count("SELECT COUNT(*) FROM reclamation_candidate WHERE state = 'RECLAIMED'"))
				.isGreaterThan(10);
			assertThat(first.jdbc().queryForList("SELECT reason FROM reclamation_candidate WHERE state = 'APPROVED'",
					String.class))
				.allSatisfy(reason -> assertThat(reason).startsWith(LOCKED)
					.endsWith("(attempt 1 of 3; written again on the next run)"));
			List<WriteJournal.Entry> refused = sandbox.org().writer().journal().entries().stream()
				.filter(entry -> !entry.saved()).toList();
			assertThat(refused).hasSize(2);

			try (JobHarness second = first.restartOnSameDatabase(at(NOW.plus(Duration.ofDays(1))),
					TestProfiles.properties(sandbox))) {
				assertThat(second.run(enforce(sandbox), RUN_DATE.plusDays(1)).exitCode()).isEqualTo(ExitCode.OK);

				locked.forEach(user -> assertThat(second.jdbc().queryForObject("SELECT state FROM reclamation_candidate "
						+ "WHERE user_id = ?", String.class, user)).isEqualTo("RECLAIMED"));
				List<WriteJournal.Entry> writes = sandbox.org().writer().journal().entries();
				refused.forEach(entry -> assertThat(writes).filteredOn(write -> write.id().equals(entry.id()))
					.extracting(WriteJournal.Entry::saved)
					.as("refused once, then written once")
					.containsExactly(false, true));
				assertThat(writes.stream().filter(WriteJournal.Entry::saved).map(WriteJournal.Entry::id))
					.as("no record saved twice")
					.doesNotHaveDuplicates();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aRowLockedOnEveryRunFailsAfterThreeAttemptsWithSalesforcesMessage(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(300).seed(11).loginDays(120).now(NOW).build().start();
				JobHarness first = JobHarness.start(database, at(NOW), TestProfiles.properties(sandbox))) {
			sandbox.faults().lockNextRecords(1);
			assertThat(first.run(enforce(sandbox), RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);
			String user = first.jdbc().queryForObject("SELECT user_id FROM reclamation_candidate WHERE state = "
					+ "'APPROVED' AND reason LIKE 'UNABLE_TO_LOCK_ROW%'", String.class);
			String login = sandbox.org().writer().journal().entries().stream().filter(entry -> !entry.saved())
				.findFirst().orElseThrow().id();
			sandbox.faults().lockRecord(login);

			for (int night = 1; night <= 2; night++) {
				try (JobHarness next = first.restartOnSameDatabase(at(NOW.plus(Duration.ofDays(night))),
						TestProfiles.properties(sandbox))) {
					assertThat(next.run(enforce(sandbox), RUN_DATE.plusDays(night)).exitCode()).isEqualTo(ExitCode.OK);
				}
			}

			Map<String, Object> candidate = first.jdbc().queryForMap("SELECT state, reason, write_attempts "
					+ "FROM reclamation_candidate WHERE user_id = ?", user);
			assertThat(candidate.get("state")).isEqualTo("FAILED");
			assertThat((String) candidate.get("reason")).startsWith(LOCKED)
				.endsWith("(refused on 3 runs; giving up)");
			assertThat(((Number) candidate.get("write_attempts")).intValue()).isEqualTo(3);
			assertThat(sandbox.org().writer().journal().entries()).filteredOn(entry -> entry.id().equals(login))
				.extracting(WriteJournal.Entry::saved)
				.containsExactly(false, false, false);
		}
	}

	private static Profile enforce(Sandbox sandbox) {
		return TestProfiles.of("acme", sandbox).rules(FREEZE).mode(Mode.ENFORCE).caps(1000, 1.0).build();
	}

	private static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

}
