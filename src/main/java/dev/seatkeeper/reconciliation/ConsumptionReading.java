package dev.seatkeeper.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The latest stored reading of one consumption metric: its period (end date inclusive), allowance and use, and
 * whether it is a persistent resource (a level such as storage, never projected).
 */
public record ConsumptionReading(String metric, String source, LocalDate periodStart, @Nullable LocalDate periodEnd,
		@Nullable BigDecimal allowed, @Nullable BigDecimal used, boolean persistent) {

	public ConsumptionReading(String metric, String source, LocalDate periodStart, @Nullable LocalDate periodEnd,
			@Nullable BigDecimal allowed, @Nullable BigDecimal used) {
		this(metric, source, periodStart, periodEnd, allowed, used, false);
	}

}
