package dev.seatkeeper.reclamation.candidate;

import org.jspecify.annotations.Nullable;

/** Which candidates to list or decide on; a null field matches everything. */
public record CandidateFilter(@Nullable String profile, @Nullable CandidateState state, @Nullable String rule) {
}
