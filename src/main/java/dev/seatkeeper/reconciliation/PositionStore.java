package dev.seatkeeper.reconciliation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.reconciliation.LicensePosition.Logins;
import dev.seatkeeper.reconciliation.LicensePosition.Money;
import dev.seatkeeper.reconciliation.LicensePosition.Seats;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code license_position}, {@code consumption_position} and {@code position_warning} tables. Saving a run's positions upserts every row
 * and removes the rows of models or metrics the run no longer has, so a restarted reconcile step leaves exactly one
 * consistent position. Thread-safe (stateless over a JdbcTemplate).
 */
public class PositionStore {

	private static final String UPSERT_LICENSE = """
			INSERT INTO license_position (profile, run_date, model, label, status, threshold_days, term_expired, owned,
			    site_license, provisioned, assigned, active_users, inactive_users, open_candidates, reclaimed_this_run,
			    shortfall, shelfware, savings_seats, savings_after_reclamation_seats, currency, unit_price_annual,
			    cost_monthly, cost_annual, inactive_cost_annual, true_up_exposure_annual, savings_annual,
			    savings_after_reclamation_annual, as_of, salesforce_used, drift, salesforce_active, monthly_logins_entitled,
			    monthly_logins_used)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON DUPLICATE KEY UPDATE label = VALUES(label), status = VALUES(status), threshold_days = VALUES(threshold_days),
			    term_expired = VALUES(term_expired), owned = VALUES(owned), site_license = VALUES(site_license),
			    provisioned = VALUES(provisioned), assigned = VALUES(assigned), active_users = VALUES(active_users),
			    inactive_users = VALUES(inactive_users), open_candidates = VALUES(open_candidates),
			    reclaimed_this_run = VALUES(reclaimed_this_run), shortfall = VALUES(shortfall),
			    shelfware = VALUES(shelfware), savings_seats = VALUES(savings_seats),
			    savings_after_reclamation_seats = VALUES(savings_after_reclamation_seats), currency = VALUES(currency),
			    unit_price_annual = VALUES(unit_price_annual), cost_monthly = VALUES(cost_monthly),
			    cost_annual = VALUES(cost_annual), inactive_cost_annual = VALUES(inactive_cost_annual),
			    true_up_exposure_annual = VALUES(true_up_exposure_annual), savings_annual = VALUES(savings_annual),
			    savings_after_reclamation_annual = VALUES(savings_after_reclamation_annual), as_of = VALUES(as_of),
			    salesforce_used = VALUES(salesforce_used), drift = VALUES(drift),
			    salesforce_active = VALUES(salesforce_active), monthly_logins_entitled = VALUES(monthly_logins_entitled),
			    monthly_logins_used = VALUES(monthly_logins_used)""";

	private static final String UPSERT_CONSUMPTION = """
			INSERT INTO consumption_position (profile, run_date, metric, source, period_start, period_end, allowed,
			    allowed_from, used, projected, status, as_of, reason)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON DUPLICATE KEY UPDATE source = VALUES(source), period_start = VALUES(period_start),
			    period_end = VALUES(period_end), allowed = VALUES(allowed), allowed_from = VALUES(allowed_from),
			    used = VALUES(used), projected = VALUES(projected), status = VALUES(status), as_of = VALUES(as_of),
			    reason = VALUES(reason)""";

	private final JdbcTemplate jdbc;

	public PositionStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Call inside one transaction: the rows of the run date are replaced as a whole. */
	public void save(RunKey run, LocalDate runDate, List<LicensePosition> positions, List<ConsumptionPosition> consumption) {
		save(run, runDate, positions, consumption, List.of());
	}

	/** As {@link #save(RunKey, LocalDate, List, List)}, with the run's warnings for the reports. */
	public void save(RunKey run, LocalDate runDate, List<LicensePosition> positions, List<ConsumptionPosition> consumption,
			List<String> warnings) {
		this.jdbc.update("DELETE FROM position_warning WHERE profile = ? AND run_date = ?", run.profile(), runDate);
		for (int i = 0; i < warnings.size(); i++) {
			this.jdbc.update("INSERT INTO position_warning (profile, run_date, ordinal, message) VALUES (?, ?, ?, ?)",
					run.profile(), runDate, i, warnings.get(i));
		}
		this.jdbc.batchUpdate(UPSERT_LICENSE, positions, 500, (statement, position) -> {
			Seats seats = position.seats();
			Money money = position.money();
			Logins logins = position.logins();
			Object[] values = { run.profile(), runDate, position.model(), position.label(), position.status().name(),
					position.thresholdDays(), position.termExpired(), seats.owned(), seats.siteLicense(),
					seats.provisioned(), seats.assigned(), seats.active(), seats.inactive(), seats.openCandidates(),
					seats.reclaimedThisRun(), seats.shortfall(), seats.shelfware(), seats.savings(),
					seats.savingsAfterReclamation(), (money != null) ? money.currency() : null,
					(money != null) ? money.unitPriceAnnual() : null, (money != null) ? money.costMonthly() : null,
					(money != null) ? money.costAnnual() : null, (money != null) ? money.inactiveCostAnnual() : null,
					(money != null) ? money.trueUpExposureAnnual() : null, (money != null) ? money.savingsAnnual() : null,
					(money != null) ? money.savingsAfterReclamationAnnual() : null, run.asOfUtc(), seats.salesforceUsed(),
					seats.drift(), seats.salesforceActive(), (logins != null) ? logins.entitled() : null,
					(logins != null) ? logins.used() : null };
			for (int i = 0; i < values.length; i++) {
				statement.setObject(i + 1, values[i]);
			}
		});
		removeOthers("license_position", "model", run, runDate, positions.stream().map(LicensePosition::model).toList());
		this.jdbc.batchUpdate(UPSERT_CONSUMPTION, consumption, 500, (statement, position) -> {
			Object[] values = { run.profile(), runDate, position.metric(), position.source(), position.periodStart(),
					position.periodEnd(), position.allowed(), position.allowedFrom(), position.used(),
					position.projected(), position.status().name(), run.asOfUtc(), reason(position.reason()) };
			for (int i = 0; i < values.length; i++) {
				statement.setObject(i + 1, values[i]);
			}
		});
		removeOthers("consumption_position", "metric", run, runDate,
				consumption.stream().map(ConsumptionPosition::metric).toList());
	}

	public List<LicensePosition> positions(String profile, LocalDate runDate) {
		return this.jdbc.query("SELECT * FROM license_position WHERE profile = ? AND run_date = ? ORDER BY model",
				(row, index) -> position(row), profile, runDate);
	}

	public List<ConsumptionPosition> consumption(String profile, LocalDate runDate) {
		return this.jdbc.query("SELECT * FROM consumption_position WHERE profile = ? AND run_date = ? ORDER BY metric",
				(row, index) -> new ConsumptionPosition(row.getString("metric"), row.getString("source"),
						row.getObject("period_start", LocalDate.class), row.getObject("period_end", LocalDate.class),
						row.getBigDecimal("allowed"), row.getString("allowed_from"), row.getBigDecimal("used"),
						row.getBigDecimal("projected"), ConsumptionPosition.Status.valueOf(row.getString("status")),
						row.getString("reason")),
				profile, runDate);
	}

	/** The warnings the run date's reconcile step gave, in its order. */
	public List<String> warnings(String profile, LocalDate runDate) {
		return this.jdbc.queryForList("SELECT message FROM position_warning WHERE profile = ? AND run_date = ? "
				+ "ORDER BY ordinal", String.class, profile, runDate);
	}

	/** Salesforce's messages can be long; the column keeps their start. */
	private static @Nullable String reason(@Nullable String reason) {
		return (reason != null && reason.length() > 1000) ? reason.substring(0, 999) + "…" : reason;
	}

	/** The as-of instant the run date's positions were computed for. */
	public Optional<Instant> asOf(String profile, LocalDate runDate) {
		return this.jdbc
			.queryForList("SELECT MAX(as_of) FROM license_position WHERE profile = ? AND run_date = ?",
					LocalDateTime.class, profile, runDate)
			.stream()
			.filter(Objects::nonNull)
			.findFirst()
			.map(time -> time.toInstant(ZoneOffset.UTC));
	}

	/** Run dates with a stored position, newest first. */
	public List<LocalDate> runDates(String profile, int limit) {
		return this.jdbc.queryForList(
				"SELECT DISTINCT run_date FROM license_position WHERE profile = ? ORDER BY run_date DESC LIMIT " + limit,
				LocalDate.class, profile);
	}

	/** Profiles with a stored position, by name. */
	public List<String> profiles() {
		return this.jdbc.queryForList("SELECT DISTINCT profile FROM license_position ORDER BY profile", String.class);
	}

	private void removeOthers(String table, String keyColumn, RunKey run, LocalDate runDate, List<String> keep) {
		List<String> stored = this.jdbc.queryForList(
				"SELECT " + keyColumn + " FROM " + table + " WHERE profile = ? AND run_date = ?", String.class,
				run.profile(), runDate);
		for (String key : stored) {
			if (!keep.contains(key)) {
				this.jdbc.update("DELETE FROM " + table + " WHERE profile = ? AND run_date = ? AND " + keyColumn + " = ?",
						run.profile(), runDate, key);
			}
		}
	}

	private static LicensePosition position(ResultSet row) throws SQLException {
		Seats seats = new Seats(row.getObject("owned", Integer.class), row.getBoolean("site_license"),
				row.getObject("provisioned", Integer.class), row.getInt("assigned"), row.getInt("active_users"),
				row.getInt("inactive_users"), row.getInt("open_candidates"), row.getInt("reclaimed_this_run"),
				row.getInt("shortfall"), row.getInt("shelfware"), row.getInt("savings_seats"),
				row.getInt("savings_after_reclamation_seats"), row.getObject("salesforce_used", Integer.class),
				row.getObject("drift", Integer.class), row.getObject("salesforce_active", Integer.class));
		String currency = row.getString("currency");
		Money money = (currency != null) ? new Money(currency, amount(row, "unit_price_annual"),
				amount(row, "cost_monthly"), amount(row, "cost_annual"), amount(row, "inactive_cost_annual"),
				amount(row, "true_up_exposure_annual"), amount(row, "savings_annual"),
				amount(row, "savings_after_reclamation_annual")) : null;
		Integer entitled = row.getObject("monthly_logins_entitled", Integer.class);
		Logins logins = (entitled != null) ? new Logins(entitled, row.getObject("monthly_logins_used", Integer.class))
				: null;
		return new LicensePosition(row.getString("model"), row.getString("label"),
				PositionStatus.valueOf(row.getString("status")), row.getInt("threshold_days"),
				row.getBoolean("term_expired"), seats, money, logins);
	}

	private static BigDecimal amount(ResultSet row, String column) throws SQLException {
		BigDecimal value = row.getBigDecimal(column);
		return (value != null) ? value : BigDecimal.ZERO;
	}

}
