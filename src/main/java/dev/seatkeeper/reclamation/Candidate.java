package dev.seatkeeper.reclamation;

import java.time.Instant;

import dev.seatkeeper.profile.ReclamationSettings.Action;
import org.jspecify.annotations.Nullable;

/** A stored candidate, as the step, the CLI and reconciliation read it. */
public record Candidate(long id, CandidateKey key, Action action, CandidateState state, @Nullable String reason,
		@Nullable Instant lastActivityAt, Instant detectedAt, Instant evaluatedAt, Instant stateChangedAt,
		@Nullable String decidedBy, @Nullable Instant decidedAt) {
}
