package dev.seatkeeper.reconciliation.report;

import static dev.seatkeeper.reconciliation.report.Svg.escape;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.seatkeeper.reconciliation.ConsumptionPosition;
import dev.seatkeeper.reconciliation.CurrencyTotal;
import dev.seatkeeper.reconciliation.Drift;
import dev.seatkeeper.reconciliation.LicensePosition.Money;
import dev.seatkeeper.reconciliation.LicensePosition;
import dev.seatkeeper.reconciliation.PositionStatus;
import dev.seatkeeper.reconciliation.RightSize;
import dev.seatkeeper.reconciliation.report.PortfolioReport.CrossOrgUser;
import dev.seatkeeper.reconciliation.report.PortfolioReport.Holding;
import dev.seatkeeper.reconciliation.report.PositionReport.TrendPoint;
import dev.seatkeeper.table.Amounts;
import org.jspecify.annotations.Nullable;

/**
 * One self-contained HTML file: inline CSS and inline SVG charts, no script, font, image or style sheet from
 * anywhere else, so it opens offline and can be mailed as is.
 */
public final class HtmlReport {

	static final int TOP_SAVINGS = 10;

	private static final double WIDTH = 860;

	private static final String STYLE = """
			body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;margin:24px auto;max-width:900px;padding:0 16px}
			h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d9e2ec;padding-bottom:4px}
			.meta{color:#52606d;margin:0 0 12px}.cards{display:flex;flex-wrap:wrap;gap:12px}
			.card{border:1px solid #d9e2ec;border-radius:6px;padding:8px 12px;min-width:180px}.card b{display:block;font-size:18px}
			table{border-collapse:collapse;width:100%;font-size:13px}th,td{padding:4px 6px;border-bottom:1px solid #e4e7eb;text-align:right}
			th:first-child,td:first-child{text-align:left}th{background:#f5f7fa}
			.status{font-weight:600}.UNDER_LICENSED{color:#b42318}.OVER_LICENSED{color:#b54708}.COMPLIANT{color:#027a48}
			.UNKNOWN,.NOT_IN_ORG{color:#52606d}.empty{color:#52606d;font-style:italic}
			svg text{font:12px system-ui,sans-serif;fill:#1f2933}svg .small{font-size:11px;fill:#52606d}
			.owned{fill:#486581}.assigned{fill:#f0b429}.active{fill:#27ab83}.unlimited{fill:#bcccdc}.axis{stroke:#9aa5b1}
			.grid{stroke:#e4e7eb}.l-owned{stroke:#486581;fill:none;stroke-width:2}.l-assigned{stroke:#f0b429;fill:none;stroke-width:2}
			.l-active{stroke:#27ab83;fill:none;stroke-width:2}.pipe{fill:#7c5e10}
			.legend span{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px}""";

	private HtmlReport() {
	}

	public static String of(PositionReport report) {
		StringBuilder html = page("License position — " + report.profile());
		html.append("<h1>License position — ").append(escape(report.profile())).append("</h1>");
		html.append("<p class=\"meta\">Run date ").append(report.runDate()).append(", as of ").append(report.asOf())
			.append(" · schema version ").append(report.schemaVersion()).append("</p>");
		if (report.skippedRecords() > 0) {
			html.append("<p class=\"meta\">Skipped records: ").append(report.skippedRecords())
				.append(" that could not be stored (see skipped_record)</p>");
		}
		if (!report.warnings().isEmpty()) {
			html.append("<h2>Warnings</h2><ul class=\"warnings\">");
			report.warnings().forEach(warning -> html.append("<li>").append(escape(warning)).append("</li>"));
			html.append("</ul>");
		}
		totals(html, report.totals());
		section(html, report);
		return close(html);
	}

	public static String of(PortfolioReport portfolio) {
		StringBuilder html = page("License portfolio");
		html.append("<h1>License portfolio</h1><p class=\"meta\">").append(portfolio.profiles().size())
			.append(" profile(s) · schema version ").append(portfolio.schemaVersion()).append("</p>");
		totals(html, portfolio.totals());
		html.append("<h2>Profiles</h2><table><tr><th>profile</th><th>run date</th><th>models</th>"
				+ "<th>under-licensed</th><th>over-licensed</th><th>unknown</th><th>not in org</th></tr>");
		for (PositionReport report : portfolio.profiles()) {
			html.append("<tr><td>").append(escape(report.profile())).append("</td><td>").append(report.runDate())
				.append("</td><td>").append(report.models().size()).append("</td>");
			for (PositionStatus status : List.of(PositionStatus.UNDER_LICENSED, PositionStatus.OVER_LICENSED,
					PositionStatus.UNKNOWN, PositionStatus.NOT_IN_ORG)) {
				html.append("<td>").append(report.models().stream().filter(model -> model.status() == status).count())
					.append("</td>");
			}
			html.append("</tr>");
		}
		html.append("</table>");
		crossOrgUsers(html, portfolio.usersInSeveralOrgs());
		for (PositionReport report : portfolio.profiles()) {
			html.append("<h2 style=\"border:0;font-size:20px;margin-top:40px\">").append(escape(report.profile()))
				.append(" — run date ").append(report.runDate()).append("</h2>");
			section(html, report);
		}
		return close(html);
	}

	private static void section(StringBuilder html, PositionReport report) {
		html.append("<h2>Owned, assigned and active per model</h2>");
		seatBars(html, report.models());
		html.append("<h2>Trend over recent runs</h2>");
		trend(html, report.trend());
		html.append("<h2>Reclamation pipeline</h2>");
		pipeline(html, report.reclamationPipeline());
		html.append("<h2>Top savings</h2>");
		topSavings(html, report.models());
		html.append("<h2>All models</h2>");
		models(html, report.models());
		loginBased(html, report.models());
		drift(html, report.models());
		rightSize(html, report.rightSizing());
		if (!report.consumption().isEmpty()) {
			html.append("<h2>Consumption</h2>");
			consumption(html, report.consumption());
		}
	}

	/** Licenses billed by logins a month: this month's logins against the allowance; nothing when the org has none. */
	private static void loginBased(StringBuilder html, List<LicensePosition> models) {
		List<LicensePosition> loginBased = models.stream().filter(model -> model.logins() != null).toList();
		if (loginBased.isEmpty()) {
			return;
		}
		html.append("<h2>Login-based licenses</h2><p class=\"meta\">Billed by logins a month, not seats; this month so"
				+ " far.</p><table><tr><th>model</th><th>logins used</th><th>logins entitled</th><th>status</th></tr>");
		for (LicensePosition model : loginBased) {
			LicensePosition.Logins logins = Objects.requireNonNull(model.logins(), "filtered to login-based models");
			html.append("<tr><td title=\"").append(escape(model.model())).append("\">").append(escape(model.label()))
				.append("</td><td>").append((logins.used() != null) ? logins.used() : "–").append("</td><td>")
				.append(logins.entitled()).append("</td><td class=\"status ").append(model.status()).append("\">")
				.append(model.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append("</td></tr>");
		}
		html.append("</table>");
	}

	/**
	 * The right-size section: per downgrade, its candidates and savings, and per user the evidence (last login, last
	 * record created or edited per object). Nothing when the profile names no downgrade with candidates.
	 */
	private static void rightSize(StringBuilder html, List<RightSize> sizes) {
		if (sizes.isEmpty()) {
			return;
		}
		html.append("<section id=\"right-size\"><h2>Right-size: seats a cheaper license would cover</h2>");
		for (RightSize size : sizes) {
			html.append("<h3>").append(escape(size.from())).append(" &rarr; ").append(escape(size.to()))
				.append(": ").append(size.candidates()).append(" users");
			if (size.savingsAnnual() != null) {
				html.append(", saving ").append(size.savingsAnnual().toPlainString()).append(' ')
					.append(escape(String.valueOf(size.currency()))).append(" a year");
			}
			html.append("</h3><table><tr><th>user</th><th>last login</th><th>last record activity per object</th>"
					+ "<th>savings/year</th></tr>");
			for (RightSize.User user : size.users()) {
				StringBuilder activity = new StringBuilder();
				user.lastRecordActivity().forEach((object, time) -> activity.append((activity.length() > 0) ? ", " : "")
					.append(escape(object)).append(' ').append(time.toString(), 0, 10));
				html.append("<tr><td>").append(escape(user.username())).append("</td><td>")
					.append((user.lastLoginAt() != null) ? user.lastLoginAt().toString().substring(0, 10) : "never")
					.append("</td><td>").append((activity.length() > 0) ? activity : "none")
					.append("</td><td>").append((user.savingsAnnual() != null) ? user.savingsAnnual().toPlainString() : "-")
					.append("</td></tr>");
			}
			html.append("</table>");
		}
		html.append("</section>");
	}

	/** Models whose assigned count differs from Salesforce's own used count; nothing when they all agree. */
	private static void drift(StringBuilder html, List<LicensePosition> models) {
		List<LicensePosition> drifting = Drift.of(models);
		if (drifting.isEmpty()) {
			return;
		}
		html.append("<h2>Drift from Salesforce's counts</h2><table><tr><th>model</th><th>Salesforce used</th>"
				+ "<th>assigned</th><th>drift</th></tr>");
		for (LicensePosition position : drifting) {
			html.append("<tr><td>").append(escape(position.model())).append("</td><td>")
				.append(position.seats().salesforceUsed()).append("</td><td>").append(position.seats().assigned())
				.append("</td><td>").append(position.seats().drift()).append("</td></tr>");
		}
		html.append("</table>");
	}

	private static StringBuilder page(String title) {
		return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
			.append(escape(title))
			.append("</title><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><style>")
			.append(STYLE)
			.append("</style></head><body>\n");
	}

	private static String close(StringBuilder html) {
		return html.append("\n</body></html>\n").toString();
	}

	private static void totals(StringBuilder html, List<CurrencyTotal> totals) {
		html.append("<div class=\"cards\">");
		if (totals.isEmpty()) {
			html.append("<p class=\"empty\">No entitlement prices any model, so there is no cost to show.</p>");
		}
		for (CurrencyTotal total : totals) {
			card(html, "Cost per year (" + total.currency() + ")", total.costAnnual(), total.costMonthly() + " per month");
			card(html, "Savings per year (" + total.currency() + ")", total.savingsAnnual(),
					total.savingsAfterReclamationAnnual() + " after pending reclamations");
			card(html, "True-up exposure (" + total.currency() + ")", total.trueUpExposureAnnual(),
					total.inactiveCostAnnual() + " a year on inactive seats");
		}
		html.append("</div>");
	}

	private static void card(StringBuilder html, String title, BigDecimal amount, String note) {
		html.append("<div class=\"card\">").append(escape(title)).append("<b>").append(Amounts.grouped(amount))
			.append("</b><span class=\"meta\">").append(escape(note)).append("</span></div>");
	}

	/** Models with an entitlement or a holder; the many empty catalogue models would only add noise. */
	private static List<LicensePosition> charted(List<LicensePosition> models) {
		return models.stream()
			.filter(model -> model.money() != null || model.seats().assigned() > 0)
			.toList();
	}

	private static void seatBars(StringBuilder html, List<LicensePosition> all) {
		List<LicensePosition> models = charted(all);
		if (models.isEmpty()) {
			html.append("<p class=\"empty\">No model is owned or held.</p>");
			return;
		}
		html.append("<p class=\"legend\"><span class=\"owned\" style=\"background:#486581\"></span>owned"
				+ "<span style=\"background:#f0b429\"></span>assigned<span style=\"background:#27ab83\"></span>active</p>");
		double labelWidth = 260;
		double barWidth = WIDTH - labelWidth - 70;
		double rowHeight = 46;
		int max = models.stream()
			.mapToInt(model -> Math.max(model.seats().assigned(),
					(model.seats().owned() != null) ? model.seats().owned() : 0))
			.max()
			.orElse(1);
		double scale = barWidth / Math.max(1, max);
		html.append(Svg.open(WIDTH, rowHeight * models.size() + 8, "owned, assigned and active seats per model"));
		for (int i = 0; i < models.size(); i++) {
			LicensePosition model = models.get(i);
			double top = 4 + i * rowHeight;
			html.append(Svg.text(0, top + 14, "start", "", shorten(model.label(), 38)));
			html.append(Svg.text(0, top + 30, "start", "small", model.status().name().toLowerCase(Locale.ROOT)
				.replace('_', ' ')));
			Integer owned = model.seats().owned();
			if (model.seats().siteLicense()) {
				html.append(Svg.rect(labelWidth, top, barWidth, 12, "unlimited"));
				html.append(Svg.text(labelWidth + barWidth + 4, top + 10, "start", "small", "unlimited"));
			}
			else if (owned != null) {
				bar(html, labelWidth, top, owned * scale, "owned", owned);
			}
			else {
				html.append(Svg.text(labelWidth, top + 10, "start", "small", "owned unknown"));
			}
			bar(html, labelWidth, top + 14, model.seats().assigned() * scale, "assigned", model.seats().assigned());
			bar(html, labelWidth, top + 28, model.seats().active() * scale, "active", model.seats().active());
		}
		html.append("</svg>");
		if (models.size() < all.size()) {
			html.append("<p class=\"meta\">").append(all.size() - models.size())
				.append(" model(s) without entitlement or holder are listed under All models only.</p>");
		}
	}

	private static void bar(StringBuilder html, double x, double y, double width, String cssClass, int value) {
		html.append(Svg.rect(x, y, width, 12, cssClass));
		html.append(Svg.text(x + width + 4, y + 10, "start", "small", Integer.toString(value)));
	}

	/** Seats summed over the models on each run date: owned (counted seats), assigned and active. */
	private static void trend(StringBuilder html, List<TrendPoint> points) {
		Map<LocalDate, int[]> byDate = new TreeMap<>();
		for (TrendPoint point : points) {
			int[] sums = byDate.computeIfAbsent(point.runDate(), date -> new int[3]);
			sums[0] += (point.owned() != null) ? point.owned() : 0;
			sums[1] += point.assigned();
			sums[2] += point.active();
		}
		if (byDate.size() < 2) {
			html.append("<p class=\"empty\">One run so far: the trend appears after the next run.</p>");
		}
		if (byDate.isEmpty()) {
			return;
		}
		List<LocalDate> dates = new ArrayList<>(byDate.keySet());
		List<int[]> totals = new ArrayList<>(byDate.values());
		double left = 60;
		double height = 220;
		double plotWidth = WIDTH - left - 50;
		double plotHeight = height - 50;
		int max = byDate.values().stream().mapToInt(sums -> Math.max(sums[0], Math.max(sums[1], sums[2]))).max().orElse(1);
		html.append(Svg.open(WIDTH, height, "seats over recent runs"));
		for (int tick = 0; tick <= 4; tick++) {
			double y = 10 + plotHeight - plotHeight * tick / 4;
			html.append(Svg.line(left, y, left + plotWidth, y, "grid"));
			html.append(Svg.text(left - 6, y + 4, "end", "small", Integer.toString(max * tick / 4)));
		}
		String[] classes = { "l-owned", "l-assigned", "l-active" };
		for (int series = 0; series < 3; series++) {
			StringBuilder polyline = new StringBuilder();
			for (int i = 0; i < dates.size(); i++) {
				double x = left + ((dates.size() == 1) ? plotWidth / 2 : plotWidth * i / (dates.size() - 1));
				double y = 10 + plotHeight - plotHeight * totals.get(i)[series] / Math.max(1, max);
				polyline.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
				html.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" class=\"%s\"/>", x, y,
						classes[series]));
			}
			html.append("<polyline points=\"").append(polyline.toString().trim()).append("\" class=\"")
				.append(classes[series]).append("\"/>");
		}
		int step = Math.max(1, dates.size() / 8);
		for (int i = 0; i < dates.size(); i += step) {
			double x = left + ((dates.size() == 1) ? plotWidth / 2 : plotWidth * i / (dates.size() - 1));
			html.append(Svg.text(x, height - 20, "middle", "small", dates.get(i).toString()));
		}
		html.append(Svg.text(left, height - 4, "start", "small", "owned (counted seats) · assigned · active, all models"));
		html.append("</svg>");
	}

	private static void pipeline(StringBuilder html, Map<String, Integer> pipeline) {
		if (pipeline.isEmpty()) {
			html.append("<p class=\"empty\">No reclamation candidates recorded for this profile.</p>");
			return;
		}
		int max = pipeline.values().stream().mapToInt(Integer::intValue).max().orElse(1);
		double rowHeight = 22;
		html.append(Svg.open(WIDTH, rowHeight * pipeline.size() + 4, "reclamation candidates by state"));
		int row = 0;
		for (Map.Entry<String, Integer> state : pipeline.entrySet()) {
			double top = 2 + row++ * rowHeight;
			html.append(Svg.text(0, top + 13, "start", "", state.getKey()));
			bar(html, 160, top + 2, (WIDTH - 240) * state.getValue() / Math.max(1, max), "pipe", state.getValue());
		}
		html.append("</svg>");
	}

	private static Money priced(LicensePosition model) {
		return Objects.requireNonNull(model.money(), "filtered to priced models");
	}

	private static void topSavings(StringBuilder html, List<LicensePosition> models) {
		List<LicensePosition> top = models.stream()
			.filter(model -> model.money() != null && model.money().savingsAnnual().signum() > 0)
			.sorted(Comparator.comparing((LicensePosition model) -> priced(model).savingsAnnual()).reversed())
			.limit(TOP_SAVINGS)
			.toList();
		if (top.isEmpty()) {
			html.append("<p class=\"empty\">No savings: every owned seat is in active use.</p>");
			return;
		}
		html.append("<table><tr><th>model</th><th>seats to drop</th><th>savings per year</th>"
				+ "<th>after pending reclamations</th></tr>");
		for (LicensePosition model : top) {
			Money money = priced(model);
			html.append("<tr><td>").append(escape(model.label())).append("</td><td>").append(Amounts.grouped(model.seats().savings()))
				.append("</td><td>").append(Amounts.money(money.savingsAnnual(), money.currency()))
				.append("</td><td>").append(Amounts.money(money.savingsAfterReclamationAnnual(), money.currency()))
				.append("</td></tr>");
		}
		html.append("</table>");
	}

	private static void models(StringBuilder html, List<LicensePosition> models) {
		html.append("<table><tr><th>model</th><th>status</th><th>owned</th><th>provisioned</th><th>assigned</th>"
				+ "<th>active</th><th title=\"Salesforce's count of assignees who logged in within 30 days, as of its"
				+ " latest daily metrics\">Salesforce active</th><th>inactive</th><th>candidates</th><th>cost per year</th></tr>");
		for (LicensePosition model : models) {
			Money money = model.money();
			html.append("<tr><td title=\"").append(escape(model.model())).append("\">").append(escape(model.label()))
				.append(model.termExpired() ? " <small>(term expired)</small>" : "")
				.append("</td><td class=\"status ").append(model.status()).append("\">")
				.append(model.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append("</td><td>")
				.append(escape(TableReport.owned(model))).append("</td><td>")
				.append((model.seats().provisioned() != null) ? model.seats().provisioned() : "–").append("</td><td>")
				.append(model.seats().assigned()).append("</td><td>").append(model.seats().active()).append("</td><td>")
				.append((model.seats().salesforceActive() != null) ? model.seats().salesforceActive() : "–")
				.append("</td><td>")
				.append(model.seats().inactive()).append("</td><td>").append(model.seats().openCandidates())
				.append("</td><td>")
				.append((money != null) ? Amounts.money(money.costAnnual(), money.currency()) : "–")
				.append("</td></tr>");
		}
		html.append("</table>");
	}

	private static void consumption(StringBuilder html, List<ConsumptionPosition> metrics) {
		html.append("<table><tr><th>metric</th><th>period</th><th>allowed</th><th>used</th><th>projected</th>"
				+ "<th>status</th></tr>");
		for (ConsumptionPosition metric : metrics) {
			html.append("<tr><td>").append(escape(metric.metric())).append("</td><td>")
				.append((metric.periodStart() != null) ? metric.periodStart() + " – " + metric.periodEnd() : "–")
				.append("</td><td>").append(number(metric.allowed())).append("</td><td>").append(number(metric.used()))
				.append("</td><td>").append(number(metric.projected())).append("</td><td>")
				.append(metric.status().name().toLowerCase(Locale.ROOT).replace('_', ' '))
				.append((metric.reason() != null) ? ": " + escape(metric.reason()) : "").append("</td></tr>");
		}
		html.append("</table>");
	}

	private static void crossOrgUsers(StringBuilder html, List<CrossOrgUser> users) {
		html.append("<h2>People with paid licenses in more than one org</h2>");
		if (users.isEmpty()) {
			html.append("<p class=\"empty\">Nobody holds paid licenses in more than one org.</p>");
			return;
		}
		html.append("<table><tr><th>person</th><th>org</th><th>username</th><th>paid licenses</th></tr>");
		for (CrossOrgUser user : users) {
			for (Holding holding : user.holdings()) {
				html.append("<tr><td>").append(escape(user.identity())).append("</td><td>")
					.append(escape(holding.profile())).append("</td><td>").append(escape(holding.username()))
					.append("</td><td>").append(escape(String.join(", ", holding.paidModels()))).append("</td></tr>");
			}
		}
		html.append("</table>");
	}

	private static String number(@Nullable BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : "–";
	}

	private static String shorten(String text, int width) {
		return (text.length() > width) ? text.substring(0, width - 1) + "…" : text;
	}

}
