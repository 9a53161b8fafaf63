package dev.seatkeeper.reconciliation.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import dev.seatkeeper.reconciliation.ConsumptionPosition;
import dev.seatkeeper.reconciliation.CurrencyTotal;
import dev.seatkeeper.reconciliation.Drift;
import dev.seatkeeper.reconciliation.LicensePosition.Money;
import dev.seatkeeper.reconciliation.LicensePosition;
import dev.seatkeeper.reconciliation.RightSize;
import dev.seatkeeper.table.Amounts;
import dev.seatkeeper.table.TextTable.Column;
import dev.seatkeeper.table.TextTable;
import org.jspecify.annotations.Nullable;

/**
 * Plain-text tables for the console: the short one printed after a run, and the fuller {@code report} one. Model
 * identifiers are never cut (people copy them into entitlements): a table too wide for {@code width} wraps them;
 * amounts and seat counts carry thousands separators.
 */
public final class TableReport {

	private static final String INDENT = "  ";

	private TableReport() {
	}

	/** Model, owned, assigned, active, status and annual savings: what an operator reads after a run. */
	static String summary(List<LicensePosition> positions, int width) {
		TextTable table = TextTable.of(Column.wrapped("model"), Column.number("owned"), Column.number("assigned"),
				Column.number("active"), Column.text("status"), Column.number("savings/year"))
			.indented(INDENT);
		for (LicensePosition position : positions) {
			table.row(position.model(), owned(position), Amounts.grouped(position.seats().assigned()),
					Amounts.grouped(position.seats().active()), position.status(), savings(position.money()));
		}
		return table.render(width);
	}

	public static String of(PositionReport report, int width) {
		StringBuilder text = new StringBuilder(String.format("Profile %s, run date %s, as of %s%n%n", report.profile(),
				report.runDate(), report.asOf()));
		if (report.skippedRecords() > 0) {
			text.append(String.format("Skipped records: %d that could not be stored (see skipped_record)%n%n",
					report.skippedRecords()));
		}
		if (!report.warnings().isEmpty()) {
			text.append(String.format("Warnings%n"));
			report.warnings().forEach(warning -> text.append(String.format("  %s%n", warning)));
			text.append(String.format("%n"));
		}
		text.append(models(report.models(), width));
		List<LicensePosition> loginBased = report.models().stream().filter(position -> position.logins() != null).toList();
		if (!loginBased.isEmpty()) {
			text.append(String.format("%nLogin-based licenses (billed by logins a month; this month so far)%n"));
			TextTable table = TextTable.of(Column.wrapped("model"), Column.number("logins used"),
					Column.number("entitled"), Column.text("status"))
				.indented(INDENT);
			for (LicensePosition position : loginBased) {
				LicensePosition.Logins logins = Objects.requireNonNull(position.logins(), "filtered to login-based models");
				table.row(position.model(), Amounts.grouped(logins.used()), Amounts.grouped(logins.entitled()),
						position.status());
			}
			text.append(table.render(width));
		}
		List<LicensePosition> drifting = Drift.of(report.models());
		if (!drifting.isEmpty()) {
			text.append(String.format("%nDrift from Salesforce's counts (Salesforce used - assigned)%n"));
			TextTable table = TextTable.of(Column.wrapped("model"), Column.number("salesforce used"),
					Column.number("assigned"), Column.number("drift"))
				.indented(INDENT);
			for (LicensePosition position : drifting) {
				table.row(position.model(), Amounts.grouped(position.seats().salesforceUsed()),
						Amounts.grouped(position.seats().assigned()), String.format("%+,d", position.seats().drift()));
			}
			text.append(table.render(width));
		}
		if (!report.rightSizing().isEmpty()) {
			text.append(String.format("%nRight-size (seats a cheaper license would cover)%n"));
			TextTable table = TextTable.of(Column.wrapped("from"), Column.wrapped("to"), Column.number("candidates"),
					Column.number("savings/year"))
				.indented(INDENT);
			for (RightSize size : report.rightSizing()) {
				table.row(size.from(), size.to(), Amounts.grouped(size.candidates()), (size.savingsAnnual() != null)
						? Amounts.money(size.savingsAnnual(), String.valueOf(size.currency())) : "-");
			}
			text.append(table.render(width));
		}
		text.append(String.format("%nTotals per currency (never converted)%n"));
		TextTable totals = TextTable.of(Column.text("currency"), Column.number("cost/month"), Column.number("cost/year"),
				Column.number("inactive/year"), Column.number("true-up/year"), Column.number("savings/year"))
			.indented(INDENT);
		for (CurrencyTotal total : report.totals()) {
			totals.row(total.currency(), Amounts.grouped(total.costMonthly()), Amounts.grouped(total.costAnnual()),
					Amounts.grouped(total.inactiveCostAnnual()), Amounts.grouped(total.trueUpExposureAnnual()),
					Amounts.grouped(total.savingsAnnual()));
		}
		text.append(totals.render(width));
		if (!report.consumption().isEmpty()) {
			text.append(String.format("%nConsumption%n"));
			TextTable table = TextTable.of(Column.wrapped("metric"), Column.number("allowed"), Column.number("used"),
					Column.number("projected"), Column.wrapped("status"))
				.indented(INDENT);
			for (ConsumptionPosition metric : report.consumption()) {
				table.row(metric.metric(), plain(metric.allowed()), plain(metric.used()), plain(metric.projected()),
						metric.status() + ((metric.reason() != null) ? ": " + metric.reason() : ""));
			}
			text.append(table.render(width));
		}
		return text.toString();
	}

	private static String models(List<LicensePosition> positions, int width) {
		TextTable table = TextTable.of(Column.wrapped("model"), Column.text("status"), Column.number("owned"),
				Column.number("provisioned"), Column.number("assigned"), Column.number("active"),
				// Salesforce's own count of assignees who logged in within 30 days (its daily license metrics).
				Column.number("sf active"), Column.number("inactive"), Column.number("shortfall"), Column.number("cost/year"),
				Column.number("savings/year"))
			.indented(INDENT);
		for (LicensePosition position : positions) {
			Money money = position.money();
			table.row(position.model(), position.status(), owned(position),
					Amounts.grouped(position.seats().provisioned()), Amounts.grouped(position.seats().assigned()),
					Amounts.grouped(position.seats().active()), Amounts.grouped(position.seats().salesforceActive()),
					Amounts.grouped(position.seats().inactive()),
					Amounts.grouped(position.seats().shortfall()),
					(money != null) ? Amounts.money(money.costAnnual(), money.currency()) : "-", savings(money));
		}
		return table.render(width);
	}

	public static String of(PortfolioReport portfolio, int width) {
		StringBuilder text = new StringBuilder();
		for (PositionReport report : portfolio.profiles()) {
			text.append(of(report, width)).append(String.format("%n"));
		}
		text.append(String.format("Portfolio totals per currency (never converted)%n"));
		TextTable totals = TextTable.of(Column.text("currency"), Column.number("cost/year"),
				Column.number("savings/year"), Column.number("true-up/year"))
			.indented(INDENT);
		for (CurrencyTotal total : portfolio.totals()) {
			totals.row(total.currency(), Amounts.grouped(total.costAnnual()), Amounts.grouped(total.savingsAnnual()),
					Amounts.grouped(total.trueUpExposureAnnual()));
		}
		text.append(totals.render(width));
		text.append(String.format("%nPeople with paid licenses in more than one org: %d%n",
				portfolio.usersInSeveralOrgs().size()));
		if (!portfolio.usersInSeveralOrgs().isEmpty()) {
			TextTable people = TextTable.of(Column.text("person"), Column.text("profile"), Column.wrapped("paid models"))
				.indented(INDENT);
			for (PortfolioReport.CrossOrgUser user : portfolio.usersInSeveralOrgs()) {
				for (PortfolioReport.Holding holding : user.holdings()) {
					people.row(user.identity(), holding.profile(), String.join(", ", holding.paidModels()));
				}
			}
			text.append(people.render(width));
		}
		return text.toString();
	}

	static String owned(LicensePosition position) {
		if (position.seats().siteLicense()) {
			return "unlimited";
		}
		return (position.seats().owned() != null) ? Amounts.grouped(position.seats().owned()) : "unknown";
	}

	private static String savings(@Nullable Money money) {
		return (money != null) ? Amounts.money(money.savingsAnnual(), money.currency()) : "-";
	}

	private static String plain(@Nullable BigDecimal value) {
		return (value != null) ? Amounts.grouped(value.stripTrailingZeros()) : "-";
	}

}
