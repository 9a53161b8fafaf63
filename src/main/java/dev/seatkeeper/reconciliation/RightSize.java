package dev.seatkeeper.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One downgrade of a run date's position: the holders of {@code from} who used none of the objects only it allows,
 * and what moving them to {@code to} saves a year (null when either license is unpriced, or priced in different
 * currencies). Part of the reports' JSON, so fields are only ever added.
 */
public record RightSize(String from, String to, int candidates,
		@Nullable String currency, @Nullable BigDecimal savingsAnnual, List<User> users) {

	/**
	 * One holder and the evidence: the last login, and per object the last record created or edited (the objects
	 * the holder does use, which the cheaper license allows).
	 */
	public record User(String userId, String username, @Nullable Instant lastLoginAt,
			Map<String, Instant> lastRecordActivity, @Nullable BigDecimal savingsAnnual) {
	}

}
