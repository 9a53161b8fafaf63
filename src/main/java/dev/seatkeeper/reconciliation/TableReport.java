package dev.seatkeeper.reconciliation;

import java.math.BigDecimal;
import java.util.List;

import dev.seatkeeper.reconciliation.LicensePosition.Money;
import org.jspecify.annotations.Nullable;

/** Plain-text tables for the console: the short one printed after a run, and the fuller {@code report} one. */
final class TableReport {

	private static final String SHORT_ROW = "  %-36s %9s %9s %9s  %-15s %16s%n";

	private static final String MODEL_ROW = "  %-36s %-15s %9s %11s %9s %9s %9s %9s %16s %16s%n";

	private TableReport() {
	}

	/** Model, owned, assigned, active, status and annual savings: what an operator reads after a run. */
	static String summary(List<LicensePosition> positions) {
		StringBuilder table = new StringBuilder(String.format(SHORT_ROW, "model", "owned", "assigned", "active", "status",
				"savings/year"));
		for (LicensePosition position : positions) {
			table.append(String.format(SHORT_ROW, cut(position.model(), 36), owned(position),
					position.seats().assigned(), position.seats().active(), position.status(),
					savings(position.money())));
		}
		return table.toString();
	}

	static String of(PositionReport report) {
		StringBuilder table = new StringBuilder(String.format("Profile %s, run date %s, as of %s%n%n", report.profile(),
				report.runDate(), report.asOf()));
		if (report.skippedRecords() > 0) {
			table.append(String.format("Skipped records: %d that could not be stored (see skipped_record)%n%n",
					report.skippedRecords()));
		}
		table.append(String.format(MODEL_ROW, "model", "status", "owned", "provisioned", "assigned", "active",
				"inactive", "shortfall", "cost/year", "savings/year"));
		for (LicensePosition position : report.models()) {
			Money money = position.money();
			table.append(String.format(MODEL_ROW, cut(position.model(), 36), position.status(), owned(position),
					dash(position.seats().provisioned()), position.seats().assigned(), position.seats().active(),
					position.seats().inactive(), position.seats().shortfall(),
					(money != null) ? amount(money.costAnnual(), money.currency()) : "-", savings(money)));
		}
		List<LicensePosition> drifting = Drift.of(report.models());
		if (!drifting.isEmpty()) {
			table.append(String.format("%nDrift from Salesforce's counts (Salesforce used - assigned)%n  %-36s %15s %9s %9s%n",
					"model", "salesforce used", "assigned", "drift"));
			for (LicensePosition position : drifting) {
				table.append(String.format("  %-36s %15s %9s %+9d%n", cut(position.model(), 36),
						position.seats().salesforceUsed(), position.seats().assigned(), position.seats().drift()));
			}
		}
		if (!report.rightSizing().isEmpty()) {
			table.append(String.format("%nRight-size (seats a cheaper license would cover)%n  %-36s %-36s %10s %16s%n",
					"from", "to", "candidates", "savings/year"));
			for (RightSize size : report.rightSizing()) {
				table.append(String.format("  %-36s %-36s %10d %16s%n", cut(size.from(), 36), cut(size.to(), 36),
						size.candidates(), (size.savingsAnnual() != null)
								? amount(size.savingsAnnual(), String.valueOf(size.currency())) : "-"));
			}
		}
		table.append(String.format("%nTotals per currency (never converted)%n"));
		table.append(String.format("  %-8s %16s %16s %16s %16s %16s%n", "currency", "cost/month", "cost/year",
				"inactive/year", "true-up/year", "savings/year"));
		for (CurrencyTotal total : report.totals()) {
			table.append(String.format("  %-8s %16s %16s %16s %16s %16s%n", total.currency(),
					total.costMonthly().toPlainString(), total.costAnnual().toPlainString(),
					total.inactiveCostAnnual().toPlainString(), total.trueUpExposureAnnual().toPlainString(),
					total.savingsAnnual().toPlainString()));
		}
		if (!report.consumption().isEmpty()) {
			table.append(String.format("%nConsumption%n  %-36s %16s %16s %16s  %s%n", "metric", "allowed", "used",
					"projected", "status"));
			for (ConsumptionPosition metric : report.consumption()) {
				table.append(String.format("  %-36s %16s %16s %16s  %s%n", cut(metric.metric(), 36),
						plain(metric.allowed()), plain(metric.used()), plain(metric.projected()), metric.status()));
			}
		}
		return table.toString();
	}

	static String of(PortfolioReport portfolio) {
		StringBuilder table = new StringBuilder();
		for (PositionReport report : portfolio.profiles()) {
			table.append(of(report)).append(String.format("%n"));
		}
		table.append(String.format("Portfolio totals per currency (never converted)%n"));
		for (CurrencyTotal total : portfolio.totals()) {
			table.append(String.format("  %-8s cost/year %16s   savings/year %16s   true-up/year %16s%n", total.currency(),
					total.costAnnual().toPlainString(), total.savingsAnnual().toPlainString(),
					total.trueUpExposureAnnual().toPlainString()));
		}
		table.append(String.format("%nPeople with paid licenses in more than one org: %d%n",
				portfolio.usersInSeveralOrgs().size()));
		for (PortfolioReport.CrossOrgUser user : portfolio.usersInSeveralOrgs()) {
			for (PortfolioReport.Holding holding : user.holdings()) {
				table.append(String.format("  %-36s %-20s %s%n", cut(user.identity(), 36), holding.profile(),
						String.join(", ", holding.paidModels())));
			}
		}
		return table.toString();
	}

	static String owned(LicensePosition position) {
		if (position.seats().siteLicense()) {
			return "unlimited";
		}
		return (position.seats().owned() != null) ? position.seats().owned().toString() : "unknown";
	}

	private static String savings(@Nullable Money money) {
		return (money != null) ? amount(money.savingsAnnual(), money.currency()) : "-";
	}

	private static String amount(BigDecimal amount, String currency) {
		return amount.toPlainString() + " " + currency;
	}

	private static String plain(@Nullable BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : "-";
	}

	private static String dash(@Nullable Integer value) {
		return (value != null) ? value.toString() : "-";
	}

	private static String cut(String text, int width) {
		return (text.length() > width) ? text.substring(0, width - 1) + "…" : text;
	}

}
