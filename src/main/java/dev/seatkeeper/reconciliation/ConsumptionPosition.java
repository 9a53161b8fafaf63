package dev.seatkeeper.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One consumption metric's position: used against allowed, and use projected to the period's end.
 *
 * @param allowedFrom {@code PROFILE} when an entitlement of the profile sets the allowance (it wins over Salesforce's
 * figure), {@code SALESFORCE} otherwise
 * @param reason why a {@code NO_DATA} metric has no reading (its source could not be read this run, or Salesforce
 * reports none); null otherwise
 */
public record ConsumptionPosition(String metric, @Nullable String source, @Nullable LocalDate periodStart,
		@Nullable LocalDate periodEnd, @Nullable BigDecimal allowed, String allowedFrom, @Nullable BigDecimal used,
		@Nullable BigDecimal projected, Status status, @Nullable String reason) {

	public ConsumptionPosition(String metric, @Nullable String source, @Nullable LocalDate periodStart,
			@Nullable LocalDate periodEnd, @Nullable BigDecimal allowed, String allowedFrom, @Nullable BigDecimal used,
			@Nullable BigDecimal projected, Status status) {
		this(metric, source, periodStart, periodEnd, allowed, allowedFrom, used, projected, status, null);
	}

	public enum Status {

		/** Use and projection within the allowance. */
		WITHIN,
		/** Within the allowance so far, but the projection to the period end exceeds it. */
		PROJECTED_OVER,
		/** Use already exceeds the allowance. */
		OVER,
		/** Nothing allows this metric, so nothing can be exceeded. */
		NO_ALLOWANCE,
		/**
		 * No current reading: the profile entitles the metric but Salesforce reported none, or the metric's source
		 * could not be read this run (the reason says which).
		 */
		NO_DATA

	}

}
