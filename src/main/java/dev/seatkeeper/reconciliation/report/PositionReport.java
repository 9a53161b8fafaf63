package dev.seatkeeper.reconciliation.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.reconciliation.ConsumptionPosition;
import dev.seatkeeper.reconciliation.CurrencyTotal;
import dev.seatkeeper.reconciliation.LicensePosition;
import dev.seatkeeper.reconciliation.RightSize;
import org.jspecify.annotations.Nullable;

/**
 * One profile's reconciled position for one run date, as every report format shows it. Its JSON form is an
 * integration point: fields are only ever added, and {@link #SCHEMA_VERSION} changes when one changes meaning.
 *
 * @param trend the counts of earlier run dates (oldest first, this one included) for trend charts
 * @param reclamationPipeline candidates by lifecycle state; empty until reclamation stores candidates
 * @param skippedRecords records of this run date that could not be stored and were skipped ({@code skipped_record})
 * @param warnings what the run warned of, one sentence each (a rule naming a model the org does not have)
 * @param rightSizing per downgrade of the profile, the holders a cheaper license would cover and the savings
 */
public record PositionReport(int schemaVersion, String profile, LocalDate runDate, @Nullable Instant asOf,
		List<LicensePosition> models, List<CurrencyTotal> totals, List<ConsumptionPosition> consumption,
		List<TrendPoint> trend, Map<String, Integer> reclamationPipeline, int skippedRecords, List<String> warnings,
		List<RightSize> rightSizing) {

	public PositionReport(int schemaVersion, String profile, LocalDate runDate, @Nullable Instant asOf,
			List<LicensePosition> models, List<CurrencyTotal> totals, List<ConsumptionPosition> consumption,
			List<TrendPoint> trend, Map<String, Integer> reclamationPipeline, int skippedRecords, List<String> warnings) {
		this(schemaVersion, profile, runDate, asOf, models, totals, consumption, trend, reclamationPipeline,
				skippedRecords, warnings, List.of());
	}

	public PositionReport(int schemaVersion, String profile, LocalDate runDate, @Nullable Instant asOf,
			List<LicensePosition> models, List<CurrencyTotal> totals, List<ConsumptionPosition> consumption,
			List<TrendPoint> trend, Map<String, Integer> reclamationPipeline, int skippedRecords) {
		this(schemaVersion, profile, runDate, asOf, models, totals, consumption, trend, reclamationPipeline,
				skippedRecords, List.of());
	}

	public PositionReport(int schemaVersion, String profile, LocalDate runDate, @Nullable Instant asOf,
			List<LicensePosition> models, List<CurrencyTotal> totals, List<ConsumptionPosition> consumption,
			List<TrendPoint> trend, Map<String, Integer> reclamationPipeline) {
		this(schemaVersion, profile, runDate, asOf, models, totals, consumption, trend, reclamationPipeline, 0);
	}

	public static final int SCHEMA_VERSION = 1;

	/** One model's seat counts on one earlier run date. */
	public record TrendPoint(LocalDate runDate, String model, @Nullable Integer owned, int assigned, int active) {
	}

}
