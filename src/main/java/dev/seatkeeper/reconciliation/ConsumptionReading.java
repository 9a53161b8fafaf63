package dev.seatkeeper.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** The latest stored reading of one consumption metric: its period (end date inclusive), allowance and use. */
public record ConsumptionReading(String metric, String source, LocalDate periodStart, @Nullable LocalDate periodEnd,
		@Nullable BigDecimal allowed, @Nullable BigDecimal used) {

}
