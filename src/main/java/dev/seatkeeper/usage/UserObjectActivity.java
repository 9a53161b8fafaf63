package dev.seatkeeper.usage;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One group of an activity query: a user's latest create or edit of an object in the query's range, and with a
 * counting query how many records they were the last to modify in the 90 days before the run's as-of instant.
 */
record UserObjectActivity(String userId, String object, ActivityQuery.Kind kind, Instant latest,
		@Nullable Integer modified90Days) {
}
