package dev.seatkeeper.reclamation.candidate;

import static dev.seatkeeper.reclamation.rules.Holdings.aHolding;
import static dev.seatkeeper.reclamation.rules.Holdings.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.reclamation.rules.Decision;
import dev.seatkeeper.reclamation.rules.Holding;
import dev.seatkeeper.reclamation.rules.InactivityRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CandidateLifecycleTests {

	static final Rule RULE = new Rule("idle", List.of("user-license"), 60, false, 0, Action.DEACTIVATE, false);

	private final CandidateLifecycle lifecycle = new CandidateLifecycle();

	@Test
	void openMeansTheSeatMayStillBeFreedAndPendingThatTheRulesStillDecide() {
		assertThat(List.of(CandidateState.values()).stream().filter(CandidateState::isOpen))
			.containsExactly(CandidateState.NEW, CandidateState.NOTIFIED, CandidateState.APPROVED, CandidateState.RECLAIMING);
		assertThat(List.of(CandidateState.values()).stream().filter(CandidateState::isPending))
			.containsExactly(CandidateState.NEW, CandidateState.NOTIFIED, CandidateState.APPROVED);
		assertThat(CandidateState.openStatesSql()).isEqualTo("('NEW', 'NOTIFIED', 'APPROVED', 'RECLAIMING')");
		assertThat(this.lifecycle.gone(CandidateState.RECLAIMING, null, "UserLicense:SFDC"))
			.as("a sent write is the reclaim step's to settle").isNull();
		assertThat(this.lifecycle.gone(CandidateState.APPROVED, null, "UserLicense:SFDC").to())
			.isEqualTo(CandidateState.CANCELED);
	}

	@Test
	void anIdleHoldingSeenForTheFirstTimeIsNew() {
		assertThat(this.lifecycle.next(null, candidate())).isEqualTo(new Transition(null, CandidateState.NEW, null));
	}

	@Test
	void aPendingCandidateStillIdleKeepsItsState() {
		assertThat(this.lifecycle.next(CandidateState.APPROVED, candidate()).changesState()).isFalse();
		assertThat(this.lifecycle.next(CandidateState.NOTIFIED, candidate()).to()).isEqualTo(CandidateState.NOTIFIED);
	}

	@Test
	void aPendingCandidateWhoseUserIsActiveAgainIsCanceledWithTheActivity() {
		Transition transition = this.lifecycle.next(CandidateState.NEW, active());

		assertThat(transition.to()).isEqualTo(CandidateState.CANCELED);
		assertThat(transition.reason()).isEqualTo("activity reappeared: last active " + daysAgo(2));
	}

	@Test
	void activeHoldingsWithoutAPendingCandidateLeaveNoTrace() {
		assertThat(this.lifecycle.next(null, active())).isNull();
		assertThat(this.lifecycle.next(CandidateState.CANCELED, active())).isNull();
	}

	@Test
	void excludedIdleHoldingsAreSkippedWithTheReasonAndComeBackAsNewWhenNoLongerExcluded() {
		Decision excluded = new Decision(idle(), RULE, Decision.Outcome.SKIPPED, "the integration user");

		assertThat(this.lifecycle.next(null, excluded))
			.isEqualTo(new Transition(null, CandidateState.SKIPPED, "the integration user"));
		assertThat(this.lifecycle.next(CandidateState.NEW, excluded).to()).isEqualTo(CandidateState.SKIPPED);
		assertThat(this.lifecycle.next(CandidateState.SKIPPED, candidate()).to()).isEqualTo(CandidateState.NEW);
		assertThat(this.lifecycle.next(CandidateState.CANCELED, candidate()).to()).isEqualTo(CandidateState.NEW);
	}

	@ParameterizedTest
	@EnumSource(value = CandidateState.class, names = { "RECLAIMED", "FAILED", "REJECTED" })
	void settledCandidatesAreNeverMovedByARun(CandidateState settled) {
		assertThat(this.lifecycle.next(settled, candidate())).isNull();
		assertThat(this.lifecycle.next(settled, active())).isNull();
		assertThat(this.lifecycle.gone(settled, new InactivityRule(RULE), "UserLicense:SFDC")).isNull();
	}

	@Test
	void openCandidatesNoLongerCoveredAreCanceledSayingWhatIsGone() {
		InactivityRule rule = new InactivityRule(RULE);
		assertThat(this.lifecycle.gone(CandidateState.APPROVED, rule, "UserLicense:SFDC")).isEqualTo(new Transition(
				CandidateState.APPROVED, CandidateState.CANCELED, "the user no longer holds the license or is no longer active"));
		assertThat(this.lifecycle.gone(CandidateState.NOTIFIED, null, "UserLicense:SFDC").reason())
			.isEqualTo("the rule is no longer in the profile");
		assertThat(this.lifecycle.gone(CandidateState.NEW, rule, "PackageLicense:033000000000001").reason())
			.isEqualTo("the rule no longer applies to PackageLicense:033000000000001");
		assertThat(this.lifecycle.gone(CandidateState.CANCELED, rule, "UserLicense:SFDC")).isNull();
	}

	@Test
	void aCandidateWhoseActivityIsUnchangedButNoLongerIdleWasCanceledByARaisedThreshold() {
		Transition transition = this.lifecycle.next(CandidateState.NOTIFIED, active(), false);

		assertThat(transition.to()).isEqualTo(CandidateState.CANCELED);
		assertThat(transition.reason()).isEqualTo("the rule no longer matches: idle since " + daysAgo(2) + ", within its "
				+ RULE.lastActivityThresholdDays() + " days");
	}

	private static Decision candidate() {
		return new Decision(idle(), RULE, Decision.Outcome.CANDIDATE, null);
	}

	private static Decision active() {
		return new Decision(aHolding().lastLogin(daysAgo(2)).build(), RULE, Decision.Outcome.ACTIVE, null);
	}

	private static Holding idle() {
		return aHolding().lastLogin(daysAgo(100)).build();
	}

}
