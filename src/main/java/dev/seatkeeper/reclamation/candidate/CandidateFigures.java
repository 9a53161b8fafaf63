package dev.seatkeeper.reclamation.candidate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.seatkeeper.license.SeatCounting;
import dev.seatkeeper.reconciliation.ReclamationCounts;
import dev.seatkeeper.reconciliation.ReclamationFigures;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reconciliation's view of the candidate table. Open candidates count users (a user idle under two rules holds one
 * seat); licenses reclaimed by a run are the candidates of the model that became RECLAIMED on the run date (UTC), the
 * date the run's as-of instant falls on.
 */
public class CandidateFigures implements ReclamationFigures {

	private static final String OPEN = CandidateState.openStatesSql();

	private final JdbcTemplate jdbc;

	public CandidateFigures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public ReclamationCounts counts(String profile, LocalDate runDate, String model) {
		// Deactivating a user does not free its permission set or package seats (SeatCounting): such candidates free
		// nothing of this model, so they are neither pending savings nor reclaimed seats.
		String frees = SeatCounting.inactiveHolderUsesSeat(model, label(profile, model)) ? " AND action <> 'DEACTIVATE'"
				: "";
		int open = count("SELECT COUNT(DISTINCT user_id) FROM reclamation_candidate"
				+ " WHERE profile = ? AND model = ? AND state IN " + OPEN + frees, profile, model);
		int reclaimed = count("SELECT COUNT(DISTINCT user_id) FROM reclamation_candidate"
				+ " WHERE profile = ? AND model = ? AND state = 'RECLAIMED' AND state_changed_at >= ?"
				+ " AND state_changed_at < ?" + frees, profile, model, runDate.atStartOfDay(),
				runDate.plusDays(1).atStartOfDay());
		return new ReclamationCounts(open, reclaimed);
	}

	private String label(String profile, String model) {
		List<String> labels = this.jdbc.queryForList(
				"SELECT label FROM software_model WHERE profile = ? AND identifier = ?", String.class, profile, model);
		return labels.isEmpty() ? model : labels.get(0);
	}

	@Override
	public Map<String, Integer> pipeline(String profile) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		this.jdbc.query("SELECT state, COUNT(*) AS n FROM reclamation_candidate WHERE profile = ? GROUP BY state",
				(row) -> {
					counts.put(row.getString("state"), row.getInt("n"));
				}, profile);
		Map<String, Integer> ordered = new LinkedHashMap<>();
		for (CandidateState state : CandidateState.values()) {
			Integer count = counts.get(state.name());
			if (count != null) {
				ordered.put(state.name().toLowerCase(Locale.ROOT), count);
			}
		}
		return ordered;
	}

	private int count(String sql, Object... arguments) {
		return Objects.requireNonNullElse(this.jdbc.queryForObject(sql, Integer.class, arguments), 0);
	}

}
