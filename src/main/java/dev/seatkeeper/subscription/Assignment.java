package dev.seatkeeper.subscription;

import java.util.List;

import dev.seatkeeper.storage.Unstorable;

/**
 * A permission set license or package license assigned to a user, keyed by the assignment record's Id. An assignment
 * with {@code unstorable} fields is skipped by the writer and recorded as a skipped record.
 */
public record Assignment(String id, String userId, String modelIdentifier, List<Unstorable> unstorable) {

	public Assignment(String id, String userId, String modelIdentifier) {
		this(id, userId, modelIdentifier, List.of());
	}

}
