package dev.seatkeeper.reclamation;

import static dev.seatkeeper.reclamation.Holdings.AS_OF;
import static dev.seatkeeper.reclamation.Holdings.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import org.junit.jupiter.api.Test;

class AutoApprovalTests {

	static final Rule WAIT_7 = new Rule("wait-7", List.of("user-license"), 60, false, 7, Action.DEACTIVATE, false);

	static final Rule BY_OPERATOR = new Rule("by-operator", List.of("user-license"), 60, false, 0, Action.DEACTIVATE,
			true);

	static final Rule NOTIFY = new Rule("notify", List.of("user-license"), 60, true, 0, Action.DEACTIVATE, false);

	private final AutoApproval approval = new AutoApproval(List.of(WAIT_7, BY_OPERATOR, NOTIFY));

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
				Action.DEACTIVATE, state, null, daysAgo(100), detected, AS_OF, detected, null, null);
	}

}
