package dev.seatkeeper.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.license.SeatCounting;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads what the earlier steps stored for a profile into the calculators' inputs: each software model with its
 * holders counted as assigned and active, and the latest consumption reading of each metric as of the run. A holder
 * is a current subscription whose seat Salesforce counts ({@link SeatCounting}: an active user's, or an inactive
 * user's permission set or package license); active means an active user active within the threshold. Holders are
 * streamed, not loaded, so large orgs fit in memory.
 */
class OrgUsageReader {

	private static final String MODELS = """
			SELECT identifier, label, total_licenses, used_licenses, active_users, monthly_logins_entitlement,
			    monthly_logins_used FROM software_model WHERE profile = ?
			ORDER BY identifier""";

	private static final String HOLDERS = """
			SELECT s.model_identifier, u.last_login_at, a.last_successful_login_in_history, u.is_active
			FROM subscription s
			JOIN sf_user u ON u.profile = s.profile AND u.user_id = s.user_id
			LEFT JOIN user_activity a ON a.profile = s.profile AND a.user_id = s.user_id
			WHERE s.profile = ? AND s.ended_at IS NULL AND u.removed_at IS NULL""";

	private static final String LATEST_READINGS = """
			SELECT c.metric, c.source, c.period_start, c.period_end, c.allowed, c.used, c.persistent
			FROM consumption c
			WHERE c.profile = ? AND c.period_start = (SELECT MAX(l.period_start) FROM consumption l
			    WHERE l.profile = c.profile AND l.metric = c.metric AND l.period_start <= ?)
			ORDER BY c.metric""";

	private final JdbcTemplate jdbc;

	private final RunKey run;

	OrgUsageReader(JdbcTemplate jdbc, RunKey run) {
		this.jdbc = jdbc;
		this.run = run;
	}

	List<ModelUsage> models(ActivityThreshold threshold) {
		Map<String, String> labels = new HashMap<>();
		this.jdbc.query(MODELS, (ResultSet row) -> {
			labels.put(row.getString(1), row.getString(2));
		}, this.run.profile());
		Map<String, int[]> counts = new HashMap<>();
		this.jdbc.query(HOLDERS, (ResultSet row) -> {
			String model = row.getString(1);
			boolean activeUser = row.getBoolean(4);
			if (!activeUser && !SeatCounting.inactiveHolderUsesSeat(model, labels.getOrDefault(model, model))) {
				return;
			}
			int[] assignedAndActive = counts.computeIfAbsent(model, key -> new int[2]);
			assignedAndActive[0]++;
			if (activeUser && ActivityThreshold.isActive(instant(row, 2), instant(row, 3), this.run.asOf(),
					threshold.days(model))) {
				assignedAndActive[1]++;
			}
		}, this.run.profile());
		return this.jdbc.query(MODELS, (row, index) -> {
			String model = row.getString(1);
			int[] assignedAndActive = counts.getOrDefault(model, new int[2]);
			return new ModelUsage(model, row.getString(2), row.getObject(3, Integer.class), assignedAndActive[0],
					assignedAndActive[1], threshold.days(model), count(row.getObject(4, Integer.class)),
					count(row.getObject(5, Integer.class)), row.getObject(6, Integer.class), row.getObject(7, Integer.class));
		}, this.run.profile());
	}

	/** Salesforce says -1 where it counts nothing (a site license's UsedLicenses): no count. */
	private static @Nullable Integer count(@Nullable Integer value) {
		return (value != null && value >= 0) ? value : null;
	}

	List<ConsumptionReading> latestReadings() {
		LocalDate asOfDate = LocalDate.ofInstant(this.run.asOf(), ZoneOffset.UTC);
		return this.jdbc.query(LATEST_READINGS,
				(row, index) -> new ConsumptionReading(row.getString(1), row.getString(2),
						row.getObject(3, LocalDate.class), row.getObject(4, LocalDate.class), row.getBigDecimal(5),
						row.getBigDecimal(6), row.getBoolean(7)),
				this.run.profile(), asOfDate);
	}

	private static @Nullable Instant instant(ResultSet row, int column) throws SQLException {
		LocalDateTime value = row.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

}
