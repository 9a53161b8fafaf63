package dev.seatkeeper.reconciliation.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.seatkeeper.reconciliation.LicensePosition.Logins;
import dev.seatkeeper.reconciliation.LicensePosition.Money;
import dev.seatkeeper.reconciliation.LicensePosition.Seats;
import dev.seatkeeper.reconciliation.LicensePosition;
import dev.seatkeeper.reconciliation.RightSize;
import dev.seatkeeper.table.Csv;
import org.jspecify.annotations.Nullable;

/** One row per model and profile (RFC 4180: comma separated, quoted when needed, CRLF line ends). */
public final class CsvReport {

	static final List<String> HEADER = List.of("profile", "run_date", "model", "label", "status", "owned", "site_license",
			"provisioned", "assigned", "active", "inactive", "open_candidates", "reclaimed_this_run", "shortfall",
			"shelfware", "savings_seats", "savings_after_reclamation_seats", "term_expired", "threshold_days", "currency",
			"unit_price_annual", "cost_monthly", "cost_annual", "inactive_cost_annual", "true_up_exposure_annual",
			"savings_annual", "savings_after_reclamation_annual", "salesforce_used", "drift", "salesforce_active",
			"monthly_logins_entitled", "monthly_logins_used", "downgrade_to", "downgrade_candidates",
			"downgrade_savings_annual");

	private CsvReport() {
	}

	public static String of(List<PositionReport> reports) {
		StringBuilder csv = new StringBuilder(Csv.line(HEADER));
		for (PositionReport report : reports) {
			for (LicensePosition position : report.models()) {
				csv.append(Csv.line(row(report, position)));
			}
		}
		return csv.toString();
	}

	private static List<String> row(PositionReport report, LicensePosition position) {
		Seats seats = position.seats();
		Money money = position.money();
		List<@Nullable Object> values = new ArrayList<>(List.of(report.profile(), report.runDate(), position.model(),
				position.label(), position.status()));
		values.addAll(Arrays.asList(seats.owned(), seats.siteLicense(), seats.provisioned(), seats.assigned(),
				seats.active(), seats.inactive(), seats.openCandidates(), seats.reclaimedThisRun(), seats.shortfall(),
				seats.shelfware(), seats.savings(), seats.savingsAfterReclamation(), position.termExpired(),
				position.thresholdDays()));
		if (money != null) {
			values.addAll(List.of(money.currency(), money.unitPriceAnnual().toPlainString(),
					money.costMonthly().toPlainString(), money.costAnnual().toPlainString(),
					money.inactiveCostAnnual().toPlainString(), money.trueUpExposureAnnual().toPlainString(),
					money.savingsAnnual().toPlainString(), money.savingsAfterReclamationAnnual().toPlainString()));
		}
		while (values.size() < HEADER.size() - 8) {
			values.add(null);
		}
		values.addAll(Arrays.asList(seats.salesforceUsed(), seats.drift(), seats.salesforceActive()));
		Logins logins = position.logins();
		values.addAll(Arrays.asList((logins != null) ? logins.entitled() : null, (logins != null) ? logins.used() : null));
		values.addAll(downgrade(report, position.model()));
		return values.stream().map(value -> Objects.toString(value, "")).toList();
	}

	/** The downgrades from this model, joined with '|' when a model has several; empty when none. */
	private static List<@Nullable Object> downgrade(PositionReport report, String model) {
		List<RightSize> from = report.rightSizing().stream().filter((size) -> size.from().equals(model)).toList();
		if (from.isEmpty()) {
			return Arrays.asList(null, null, null);
		}
		return List.of(from.stream().map(RightSize::to).collect(Collectors.joining("|")),
				from.stream().map((size) -> String.valueOf(size.candidates())).collect(Collectors.joining("|")),
				from.stream().map((size) -> (size.savingsAnnual() != null) ? size.savingsAnnual().toPlainString() : "")
					.collect(Collectors.joining("|")));
	}

}
