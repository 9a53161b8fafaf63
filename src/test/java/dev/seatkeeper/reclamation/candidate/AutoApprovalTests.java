package dev.seatkeeper.reclamation.candidate;

import static dev.seatkeeper.reclamation.rules.Holdings.AS_OF;
import static dev.seatkeeper.reclamation.rules.Holdings.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.reclamation.action.ReclaimCaps;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AutoApprovalTests {

	static final Rule WAIT_7 = new Rule("wait-7", List.of("user-license"), 60, false, 7, Action.DEACTIVATE, false);

	static final Rule BY_OPERATOR = new Rule("by-operator", List.of("user-license"), 60, false, 0, Action.DEACTIVATE,
			true);

	static final Rule NOTIFY = new Rule("notify", List.of("user-license"), 60, true, 0, Action.DEACTIVATE, false);

	static final Rule NOTIFY_14 = new Rule("notify-14", List.of("user-license"), 60, true, 14, Action.DEACTIVATE,
			false);

	static final Rule NOTIFY_BY_OPERATOR = new Rule("notify-by-operator", List.of("user-license"), 60, true, 0,
			Action.DEACTIVATE, true);

	private final AutoApproval approval = new AutoApproval(
			List.of(WAIT_7, BY_OPERATOR, NOTIFY, NOTIFY_14, NOTIFY_BY_OPERATOR));

	@Test
	void aNewCandidateIsDueWhenItsWaitIsOverAndExactlyAtTheEnd() {
		assertThat(this.approval.isDue(candidate(1, "wait-7", CandidateState.NEW, daysAgo(7)), AS_OF)).isTrue();
		assertThat(this.approval.isDue(candidate(2, "wait-7", CandidateState.NEW, daysAgo(7).plusSeconds(1)), AS_OF))
			.isFalse();
	}

	@Test
	void candidatesNeedingAnOperatorANoticeOrAnotherStateAreNeverDue() {
		assertThat(this.approval.isDue(candidate(1, "by-operator", CandidateState.NEW, daysAgo(30)), AS_OF)).isFalse();
		assertThat(this.approval.isDue(candidate(2, "notify", CandidateState.NEW, daysAgo(30)), AS_OF))
			.as("no notice can be sent, so it waits").isFalse();
		assertThat(this.approval.isDue(candidate(3, "wait-7", CandidateState.SKIPPED, daysAgo(30)), AS_OF)).isFalse();
		assertThat(this.approval.isDue(candidate(4, "removed-rule", CandidateState.NEW, daysAgo(30)), AS_OF)).isFalse();
	}

	@Test
	void aNotifiedCandidateIsDueFromTheUtcDayItsNoticeNamedCountedFromTheNotice() {
		Instant lateNotice = Instant.parse("2026-11-13T23:00:00Z");
		Candidate notified = notified(1, "notify-14", daysAgo(40), lateNotice);

		assertThat(AutoApproval.reclaimDate(lateNotice, NOTIFY_14)).hasToString("2026-11-27");
		assertThat(this.approval.isDue(notified, AS_OF)).as("2026-11-27 02:00 is on the reclaim date").isTrue();
		assertThat(this.approval.isDue(notified, Instant.parse("2026-11-26T23:59:59Z"))).isFalse();
		assertThat(this.approval.isDue(notified(2, "notify-14", daysAgo(400), daysAgo(13)), AS_OF))
			.as("an old detection does not shorten the wait after the notice").isFalse();
		assertThat(this.approval.why(notified))
			.isEqualTo("approved automatically: the reclaim date 2026-11-27 of the notice sent 2026-11-13 is reached");
	}

	@Test
	void aNoticeThatWasNeverConfirmedOrARuleNeedingAnOperatorIsNeverDue() {
		assertThat(this.approval.isDue(notified(1, "notify", daysAgo(30), null), AS_OF))
			.as("sending was interrupted: it may not have arrived").isFalse();
		assertThat(this.approval.isDue(notified(2, "notify-by-operator", daysAgo(30), daysAgo(30)), AS_OF)).isFalse();
		assertThat(this.approval.isDue(candidate(3, "notify-14", CandidateState.NEW, daysAgo(400)), AS_OF))
			.as("no notice sent").isFalse();
	}

	@Test
	void theOldestDetectionsGoFirstUpToTheAllowance() {
		List<Candidate> due = List.of(candidate(5, "wait-7", CandidateState.NEW, daysAgo(8)),
				candidate(3, "wait-7", CandidateState.NEW, daysAgo(20)), candidate(4, "wait-7", CandidateState.NEW, daysAgo(8)));

		assertThat(this.approval.approvable(due, AS_OF, 2)).extracting(Candidate::id).containsExactly(3L, 4L);
		assertThat(this.approval.approvable(due, AS_OF, 0)).isEmpty();
	}

	@Test
	void capsAllowTheSmallerOfPerRunAndTheShareLessWhatIsAlreadyApproved() {
		ReclaimCaps caps = new ReclaimCaps(10, 0.05);

		assertThat(caps.allowance(100, 0)).as("5% of 100").isEqualTo(5);
		assertThat(caps.allowance(1000, 0)).as("per run").isEqualTo(10);
		assertThat(caps.allowance(1000, 4)).isEqualTo(6);
		assertThat(caps.allowance(39, 0)).as("1.95 rounds down").isEqualTo(1);
		assertThat(caps.allowance(100, 9)).as("never negative").isZero();
	}

	private static Candidate candidate(long id, String rule, CandidateState state, Instant detected) {
		return new Candidate(id, new CandidateKey("acme", "00500000000000" + id + "AAA", "UserLicense:SFDC", rule),
				Action.DEACTIVATE, state, null, daysAgo(100), detected, AS_OF, detected, null, null, null, null);
	}

	private static Candidate notified(long id, String rule, Instant detected, @Nullable Instant notifiedAt) {
		return new Candidate(id, new CandidateKey("acme", "00500000000000" + id + "AAA", "UserLicense:SFDC", rule),
				Action.DEACTIVATE, CandidateState.NOTIFIED, null, daysAgo(100), detected, AS_OF, detected, null, null,
				notifiedAt, "notice sent");
	}

}
