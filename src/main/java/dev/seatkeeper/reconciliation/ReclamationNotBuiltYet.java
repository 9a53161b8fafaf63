package dev.seatkeeper.reconciliation;

import java.time.LocalDate;
import java.util.Map;

/**
 * The reclamation figures until reclamation (issue 4) stores candidates: no candidate is open, nothing is reclaimed
 * and the pipeline is empty. Positions therefore show 0 in those columns, and the HTML report says the pipeline is
 * empty. Replace this bean with one reading the candidate table when it exists.
 */
public class ReclamationNotBuiltYet implements ReclamationFigures {

	@Override
	public ReclamationCounts counts(String profile, LocalDate runDate, String model) {
		return ReclamationCounts.NONE;
	}

	@Override
	public Map<String, Integer> pipeline(String profile) {
		return Map.of();
	}

}
