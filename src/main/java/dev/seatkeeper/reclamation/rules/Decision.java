package dev.seatkeeper.reclamation.rules;

import dev.seatkeeper.profile.ReclamationSettings.Rule;
import org.jspecify.annotations.Nullable;

/**
 * What a rule decides for one holding: a candidate, a candidate skipped with the exclusion's reason, or nothing; for
 * an idle holding, the evidence that decided (no login since, no record activity on which objects since).
 */
public record Decision(Holding holding, Rule rule, Outcome outcome, @Nullable String reason,
		@Nullable String evidence) {

	public Decision(Holding holding, Rule rule, Outcome outcome, @Nullable String reason) {
		this(holding, rule, outcome, reason, null);
	}

	public enum Outcome {

		/** Idle and not excluded: the holding becomes (or stays) a candidate. */
		CANDIDATE,

		/** Idle but excluded: recorded as skipped with the reason, never reclaimed. */
		SKIPPED,

		/** Active: no candidate, and an open one is canceled. */
		ACTIVE

	}

}
