package dev.seatkeeper.reclamation;

import org.jspecify.annotations.Nullable;

/**
 * The state a candidate moves to when a run re-evaluates it. Settled candidates (reclaimed, failed, rejected) never
 * move here: only an action or an operator settles them. Open and skipped candidates whose user is active again are
 * canceled; idle excluded holdings are skipped with the reason; idle holdings that were canceled or skipped before
 * start again as NEW. Stateless and thread-safe.
 */
public final class CandidateLifecycle {

	/** What a run's decision does to a candidate, given its current state (null when there is none yet). */
	public @Nullable Transition next(@Nullable CandidateState current, Decision decision) {
		if (current != null && current.isBeyondRules()) {
			return null;
		}
		return switch (decision.outcome()) {
			case ACTIVE -> (current == null || current == CandidateState.CANCELED) ? null
					: new Transition(current, CandidateState.CANCELED,
							"activity reappeared: last active " + decision.holding().lastActivity());
			case SKIPPED -> new Transition(current, CandidateState.SKIPPED, decision.reason());
			case CANDIDATE -> (current != null && current.isOpen()) ? new Transition(current, current, null)
					: new Transition(current, CandidateState.NEW, null);
		};
	}

	/** An open or skipped candidate no decision covered this run: the license, the user or the rule is gone. */
	public @Nullable Transition gone(CandidateState current, boolean ruleStillInProfile) {
		if (!current.isOpen() && current != CandidateState.SKIPPED) {
			return null;
		}
		return new Transition(current, CandidateState.CANCELED, ruleStillInProfile
				? "the user no longer holds the license or is no longer active" : "the rule is no longer in the profile");
	}

}
