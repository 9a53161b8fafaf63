package dev.seatkeeper.reconciliation.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.seatkeeper.reconciliation.CurrencyTotal;
import dev.seatkeeper.reconciliation.LicensePosition;
import dev.seatkeeper.reconciliation.PositionStore;
import dev.seatkeeper.reconciliation.ReclamationFigures;
import dev.seatkeeper.reconciliation.RightSizing;
import dev.seatkeeper.reconciliation.report.CrossOrgUsers.PaidSubscription;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/** Builds reports from stored positions: one profile's run date with its trend, or the portfolio of several. */
public class ReportAssembler {

	static final int TREND_RUNS = 30;

	private static final String CURRENT_SUBSCRIPTIONS = """
			SELECT s.user_id, u.username, u.email, s.model_identifier
			FROM subscription s JOIN sf_user u ON u.profile = s.profile AND u.user_id = s.user_id
			WHERE s.profile = ? AND s.ended_at IS NULL AND u.is_active = TRUE AND u.removed_at IS NULL
			ORDER BY s.user_id, s.model_identifier""";

	private final PositionStore store;

	private final ReclamationFigures reclamation;

	private final JdbcTemplate jdbc;

	public ReportAssembler(PositionStore store, ReclamationFigures reclamation, JdbcTemplate jdbc) {
		this.store = store;
		this.reclamation = reclamation;
		this.jdbc = jdbc;
	}

	/** The run date to report when none is asked for: the profile's latest, or null when it has none. */
	public @Nullable LocalDate latestRunDate(String profile) {
		List<LocalDate> dates = this.store.runDates(profile, 1);
		return dates.isEmpty() ? null : dates.get(0);
	}

	public boolean hasPosition(String profile, LocalDate runDate) {
		return this.store.runDates(profile, Integer.MAX_VALUE).contains(runDate);
	}

	public List<String> profilesWithPositions() {
		return this.store.profiles();
	}

	public PositionReport profile(String profile, LocalDate runDate) {
		List<LicensePosition> models = this.store.positions(profile, runDate);
		return new PositionReport(PositionReport.SCHEMA_VERSION, profile, runDate,
				this.store.asOf(profile, runDate).orElse(null), models, CurrencyTotal.of(models),
				this.store.consumption(profile, runDate), trend(profile, runDate), this.reclamation.pipeline(profile),
				skippedRecords(profile, runDate), this.store.warnings(profile, runDate),
				new RightSizing(this.jdbc).load(profile, runDate));
	}

	/** Records the runs of this date skipped, restarts included (their committed chunks stay written). */
	private int skippedRecords(String profile, LocalDate runDate) {
		Integer count = this.jdbc.queryForObject("SELECT COALESCE(SUM(skipped_records), 0) FROM v_runs "
				+ "WHERE profile = ? AND run_date = ?", Integer.class, profile, runDate.toString());
		return (count != null) ? count : 0;
	}

	/** Each profile at the given run date (those without a position then are left out), or at its latest. */
	public PortfolioReport portfolio(List<String> profiles, @Nullable LocalDate runDate) {
		List<PositionReport> reports = new ArrayList<>();
		List<PaidSubscription> paid = new ArrayList<>();
		for (String profile : profiles) {
			LocalDate date = (runDate != null) ? runDate : latestRunDate(profile);
			if (date == null || !hasPosition(profile, date)) {
				continue;
			}
			PositionReport report = profile(profile, date);
			reports.add(report);
			paid.addAll(paidSubscriptions(profile, paidModels(report)));
		}
		List<LicensePosition> all = reports.stream().flatMap(report -> report.models().stream()).toList();
		return new PortfolioReport(PositionReport.SCHEMA_VERSION, reports, CurrencyTotal.of(all), CrossOrgUsers.of(paid));
	}

	private List<PositionReport.TrendPoint> trend(String profile, LocalDate upTo) {
		List<PositionReport.TrendPoint> points = new ArrayList<>();
		this.store.runDates(profile, Integer.MAX_VALUE)
			.stream()
			.filter(date -> !date.isAfter(upTo))
			.limit(TREND_RUNS)
			.sorted()
			.forEach(date -> this.store.positions(profile, date)
				.forEach(position -> points.add(new PositionReport.TrendPoint(date, position.model(),
						position.seats().owned(), position.seats().assigned(), position.seats().active()))));
		points.sort(Comparator.comparing(PositionReport.TrendPoint::runDate));
		return points;
	}

	private static Set<String> paidModels(PositionReport report) {
		return report.models()
			.stream()
			.filter(position -> position.money() != null
					&& position.money().unitPriceAnnual().compareTo(BigDecimal.ZERO) > 0)
			.map(LicensePosition::model)
			.collect(Collectors.toSet());
	}

	private List<PaidSubscription> paidSubscriptions(String profile, Set<String> paidModels) {
		if (paidModels.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query(CURRENT_SUBSCRIPTIONS,
				(row, index) -> new PaidSubscription(profile, row.getString(1), row.getString(2), row.getString(3),
						row.getString(4)),
				profile)
			.stream()
			.filter(subscription -> paidModels.contains(subscription.model()))
			.toList();
	}

}
