package dev.seatkeeper.reclamation.candidate;

import org.jspecify.annotations.Nullable;

/**
 * A candidate as {@code candidates list} shows it: with its user's username and name, null when no row of the user is
 * stored.
 */
public record ListedCandidate(Candidate candidate, @Nullable String username, @Nullable String name) {
}
