package dev.seatkeeper.reconciliation;

import java.time.LocalDate;
import java.util.Map;

/**
 * Where reconciliation reads the reclamation side of a position: open candidates and reclaimed licenses per model,
 * and the candidate pipeline by state.
 */
public interface ReclamationFigures {

	ReclamationCounts counts(String profile, LocalDate runDate, String model);

	/** Candidates of the profile by lifecycle state (open, approved, rejected, reclaimed...), in display order. */
	Map<String, Integer> pipeline(String profile);

}
