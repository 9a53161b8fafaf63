package dev.seatkeeper.subscription;

/** A permission set license or package license assigned to a user, keyed by the assignment record's Id. */
public record Assignment(String id, String userId, String modelIdentifier) {

}
