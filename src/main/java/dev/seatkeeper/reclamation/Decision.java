package dev.seatkeeper.reclamation;

import dev.seatkeeper.profile.ReclamationSettings.Rule;
import org.jspecify.annotations.Nullable;

/** What a rule decides for one holding: a candidate, a candidate skipped with the exclusion's reason, or nothing. */
public record Decision(Holding holding, Rule rule, Outcome outcome, @Nullable String reason) {

	public enum Outcome {

		/** Idle and not excluded: the holding becomes (or stays) a candidate. */
		CANDIDATE,

		/** Idle but excluded: recorded as skipped with the reason, never reclaimed. */
		SKIPPED,

		/** Active: no candidate, and an open one is canceled. */
		ACTIVE

	}

}
