package dev.seatkeeper.reclamation.candidate;

import dev.seatkeeper.reclamation.rules.Decision;
import dev.seatkeeper.reclamation.rules.InactivityRule;
import org.jspecify.annotations.Nullable;

/**
 * The state a candidate moves to when a run re-evaluates it. Settled candidates (reclaimed, failed, rejected) never
 * move here: only an action or an operator settles them. Pending and skipped candidates whose user is active again, or
 * whose rule no longer finds the user idle, are canceled; idle excluded holdings are skipped with the reason; idle
 * holdings that were canceled or skipped before start again as NEW. Stateless and thread-safe.
 */
public final class CandidateLifecycle {

	/** What a run's decision does to a candidate, given its current state (null when there is none yet). */
	public @Nullable Transition next(@Nullable CandidateState current, Decision decision) {
		return next(current, decision, true);
	}

	/**
	 * What a run's decision does to a candidate.
	 * @param activityChanged whether the holding's last activity differs from the one the candidate recorded; when it
	 * does not, a holding that is no longer idle means the rule changed (its threshold was raised)
	 */
	public @Nullable Transition next(@Nullable CandidateState current, Decision decision, boolean activityChanged) {
		if (current != null && current.isBeyondRules()) {
			return null;
		}
		return switch (decision.outcome()) {
			case ACTIVE -> (current == null || current == CandidateState.CANCELED) ? null
					: new Transition(current, CandidateState.CANCELED, activeReason(decision, activityChanged));
			case SKIPPED -> new Transition(current, CandidateState.SKIPPED, decision.reason());
			case CANDIDATE -> (current != null && current.isPending()) ? new Transition(current, current, null)
					: new Transition(current, CandidateState.NEW, null);
		};
	}

	/**
	 * A pending or skipped candidate no decision covered this run: the license or the user is gone, or the rule is gone
	 * or no longer covers the license.
	 * @param rule the candidate's rule as the profile has it now, or null when the profile no longer has it
	 */
	public @Nullable Transition gone(CandidateState current, @Nullable InactivityRule rule, String model) {
		if (!current.isPending() && current != CandidateState.SKIPPED) {
			return null;
		}
		String reason = (rule == null) ? "the rule is no longer in the profile"
				: !rule.covers(model) ? "the rule no longer applies to " + model
						: "the user no longer holds the license or is no longer active";
		return new Transition(current, CandidateState.CANCELED, reason);
	}

	private static String activeReason(Decision decision, boolean activityChanged) {
		if (decision.rule().action() == dev.seatkeeper.profile.ReclamationSettings.Action.DOWNGRADE) {
			return "the user created or edited records that need " + decision.holding().model() + " again, or the"
					+ " downgrade's threshold changed";
		}
		if (activityChanged) {
			return "activity reappeared: last active " + decision.holding().lastActivity();
		}
		return "the rule no longer matches: idle since " + decision.holding().idleSince() + ", within its "
				+ decision.rule().lastActivityThresholdDays() + " days";
	}

}
