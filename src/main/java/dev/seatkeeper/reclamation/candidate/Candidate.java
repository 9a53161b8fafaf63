package dev.seatkeeper.reclamation.candidate;

import java.time.Instant;

import dev.seatkeeper.profile.ReclamationSettings.Action;
import org.jspecify.annotations.Nullable;

/**
 * A stored candidate, as the step, the CLI and reconciliation read it. {@code notifiedAt} is when the user's notice
 * was sent (null until one was); {@code notice} says what became of the notice, sent or not and why.
 */
public record Candidate(long id, CandidateKey key, Action action, CandidateState state, @Nullable String reason,
		@Nullable Instant lastActivityAt, Instant detectedAt, Instant evaluatedAt, Instant stateChangedAt,
		@Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable Instant notifiedAt, @Nullable String notice) {
}
