package dev.seatkeeper.reconciliation.report;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Map;
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
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * One self-contained HTML file: inline CSS and inline SVG charts, no script, font, image or style sheet from
 * anywhere else, so it opens offline and can be mailed as is. The page is the Thymeleaf template
 * {@code templates/report.html}, which escapes every text; this class turns a report into the plain texts it shows
 * (amounts formatted, statuses worded) and draws the charts, the only markup the template inserts as is. The engine
 * is built on the first report, not when the class loads, so commands that write no HTML never load Thymeleaf.
 * Thread-safe.
 */
public final class HtmlReport {

	static final int TOP_SAVINGS = 10;

	private static final double WIDTH = 860;

	private HtmlReport() {
	}

	public static String of(PositionReport report) {
		Context page = new Context(Locale.ROOT);
		page.setVariable("title", "License position — " + report.profile());
		page.setVariable("totals", cards(report.totals()));
		page.setVariable("sections", List.of(section(report)));
		return Templates.ENGINE.process("report", page);
	}

	public static String of(PortfolioReport portfolio) {
		Context page = new Context(Locale.ROOT);
		page.setVariable("title", "License portfolio");
		page.setVariable("portfolio", new Portfolio(portfolio.profiles().size(), portfolio.schemaVersion(),
				portfolio.profiles().stream().map(ProfileRow::of).toList(), holdings(portfolio.usersInSeveralOrgs())));
		page.setVariable("totals", cards(portfolio.totals()));
		page.setVariable("sections", portfolio.profiles().stream().map(HtmlReport::section).toList());
		return Templates.ENGINE.process("report", page);
	}

	/** The engine, built when the first report is written (the holder idiom). */
	private static final class Templates {

		static final TemplateEngine ENGINE = engine();

		private static TemplateEngine engine() {
			ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(HtmlReport.class.getClassLoader());
			resolver.setPrefix("templates/");
			resolver.setSuffix(".html");
			resolver.setTemplateMode(TemplateMode.HTML);
			resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
			TemplateEngine engine = new TemplateEngine();
			engine.setTemplateResolver(resolver);
			return engine;
		}

	}

	/** What the portfolio page shows above the profiles' sections. */
	public record Portfolio(int profiles, int schemaVersion, List<ProfileRow> rows, List<HoldingRow> holdings) {
	}

	/** A profile's line in the portfolio: its models by status. */
	public record ProfileRow(String profile, String runDate, int models, long underLicensed, long overLicensed,
			long unknown, long notInOrg) {

		static ProfileRow of(PositionReport report) {
			return new ProfileRow(report.profile(), report.runDate().toString(), report.models().size(),
					count(report, PositionStatus.UNDER_LICENSED), count(report, PositionStatus.OVER_LICENSED),
					count(report, PositionStatus.UNKNOWN), count(report, PositionStatus.NOT_IN_ORG));
		}

		private static long count(PositionReport report, PositionStatus status) {
			return report.models().stream().filter(model -> model.status() == status).count();
		}

	}

	/** One org's paid licenses of a person who has them in several. */
	public record HoldingRow(String person, String profile, String username, String paidModels) {
	}

	/** A money card: a title, the amount in large type, a note below. */
	public record Card(String title, String amount, String note) {
	}

	/**
	 * One profile's position as the page shows it. Charts are SVG markup, null where the page says there is nothing
	 * to draw.
	 */
	public record Section(String profile, String runDate, String asOf, int schemaVersion, int skippedRecords,
			List<String> warnings, @Nullable String seatChart, int uncharted, int trendRuns, @Nullable String trendChart,
			@Nullable String pipelineChart, List<SavingsRow> topSavings, List<ModelRow> models,
			List<LoginRow> loginBased, List<DriftRow> drift, List<Downgrade> rightSizing,
			List<ConsumptionRow> consumption) {
	}

	/** A model among the top savings. */
	public record SavingsRow(String label, String seats, String savings, String afterReclamation) {
	}

	/** A model's line in "All models"; {@code status} is the CSS class, {@code statusText} its wording. */
	public record ModelRow(String model, String label, boolean termExpired, String status, String statusText,
			String owned, String provisioned, String assigned, String active, String salesforceActive, String inactive,
			String candidates, String cost) {
	}

	/** A login-based license's logins this month against its allowance. */
	public record LoginRow(String model, String label, String used, String entitled, String status, String statusText) {
	}

	/** A model whose assigned count differs from Salesforce's used count. */
	public record DriftRow(String model, String salesforceUsed, String assigned, String drift) {
	}

	/** A downgrade and its candidates; {@code savings} is null when no price gives one. */
	public record Downgrade(String from, String to, int candidates, @Nullable String savings, List<UserRow> users) {
	}

	/** A downgrade candidate and the evidence: last login, last record created or edited per object. */
	public record UserRow(String username, String lastLogin, String activity, String savings) {
	}

	/** A consumption metric against its allowance. */
	public record ConsumptionRow(String metric, String period, String allowed, String used, String projected,
			String status) {
	}

	private static Section section(PositionReport report) {
		List<LicensePosition> charted = charted(report.models());
		Map<LocalDate, int[]> trend = trendSums(report.trend());
		return new Section(report.profile(), report.runDate().toString(), String.valueOf(report.asOf()),
				report.schemaVersion(), report.skippedRecords(), report.warnings(),
				charted.isEmpty() ? null : seatChart(charted), report.models().size() - charted.size(), trend.size(),
				trend.isEmpty() ? null : trendChart(trend),
				report.reclamationPipeline().isEmpty() ? null : pipelineChart(report.reclamationPipeline()),
				topSavings(report.models()), report.models().stream().map(HtmlReport::modelRow).toList(),
				loginBased(report.models()), drift(report.models()),
				report.rightSizing().stream().map(HtmlReport::downgrade).toList(),
				report.consumption().stream().map(HtmlReport::consumptionRow).toList());
	}

	private static List<Card> cards(List<CurrencyTotal> totals) {
		List<Card> cards = new ArrayList<>();
		for (CurrencyTotal total : totals) {
			cards.add(new Card("Cost per year (" + total.currency() + ")", Amounts.grouped(total.costAnnual()),
					total.costMonthly() + " per month"));
			cards.add(new Card("Savings per year (" + total.currency() + ")", Amounts.grouped(total.savingsAnnual()),
					total.savingsAfterReclamationAnnual() + " after pending reclamations"));
			cards.add(new Card("True-up exposure (" + total.currency() + ")",
					Amounts.grouped(total.trueUpExposureAnnual()), total.inactiveCostAnnual() + " a year on inactive seats"));
		}
		return cards;
	}

	private static List<HoldingRow> holdings(List<CrossOrgUser> users) {
		List<HoldingRow> rows = new ArrayList<>();
		for (CrossOrgUser user : users) {
			for (Holding holding : user.holdings()) {
				rows.add(new HoldingRow(user.identity(), holding.profile(), holding.username(),
						String.join(", ", holding.paidModels())));
			}
		}
		return rows;
	}

	private static ModelRow modelRow(LicensePosition model) {
		Money money = model.money();
		LicensePosition.Seats seats = model.seats();
		return new ModelRow(model.model(), model.label(), model.termExpired(), model.status().name(), wording(model.status()),
				TableReport.owned(model), orDash(seats.provisioned()), Integer.toString(seats.assigned()),
				Integer.toString(seats.active()), orDash(seats.salesforceActive()), Integer.toString(seats.inactive()),
				Integer.toString(seats.openCandidates()),
				(money != null) ? Amounts.money(money.costAnnual(), money.currency()) : "–");
	}

	/** Licenses billed by logins a month: this month's logins against the allowance; none when the org has none. */
	private static List<LoginRow> loginBased(List<LicensePosition> models) {
		List<LoginRow> rows = new ArrayList<>();
		for (LicensePosition model : models) {
			LicensePosition.Logins logins = model.logins();
			if (logins != null) {
				rows.add(new LoginRow(model.model(), model.label(), orDash(logins.used()),
						Integer.toString(logins.entitled()), model.status().name(), wording(model.status())));
			}
		}
		return rows;
	}

	/** Models whose assigned count differs from Salesforce's own used count; none when they all agree. */
	private static List<DriftRow> drift(List<LicensePosition> models) {
		return Drift.of(models).stream()
			.map(position -> new DriftRow(position.model(), String.valueOf(position.seats().salesforceUsed()),
					Integer.toString(position.seats().assigned()), String.valueOf(position.seats().drift())))
			.toList();
	}

	/** A downgrade with, per user, the evidence (last login, last record created or edited per object). */
	private static Downgrade downgrade(RightSize size) {
		List<UserRow> users = new ArrayList<>();
		for (RightSize.User user : size.users()) {
			StringBuilder activity = new StringBuilder();
			user.lastRecordActivity().forEach((object, time) -> activity.append((activity.length() > 0) ? ", " : "")
				.append(object).append(' ').append(time.toString(), 0, 10));
			users.add(new UserRow(user.username(),
					(user.lastLoginAt() != null) ? user.lastLoginAt().toString().substring(0, 10) : "never",
					(activity.length() > 0) ? activity.toString() : "none",
					(user.savingsAnnual() != null) ? user.savingsAnnual().toPlainString() : "-"));
		}
		String savings = (size.savingsAnnual() != null)
				? size.savingsAnnual().toPlainString() + " " + size.currency() : null;
		return new Downgrade(size.from(), size.to(), size.candidates(), savings, users);
	}

	private static ConsumptionRow consumptionRow(ConsumptionPosition metric) {
		return new ConsumptionRow(metric.metric(),
				(metric.periodStart() != null) ? metric.periodStart() + " – " + metric.periodEnd() : "–",
				number(metric.allowed()), number(metric.used()), number(metric.projected()),
				metric.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
						+ ((metric.reason() != null) ? ": " + metric.reason() : ""));
	}

	private static List<SavingsRow> topSavings(List<LicensePosition> models) {
		List<SavingsRow> rows = new ArrayList<>();
		models.stream()
			.filter(model -> model.money() != null && model.money().savingsAnnual().signum() > 0)
			.sorted(Comparator.comparing((LicensePosition model) -> savingsAnnual(model)).reversed())
			.limit(TOP_SAVINGS)
			.forEach(model -> {
				LicensePosition.Money money = Objects.requireNonNull(model.money(), "filtered to priced models");
				rows.add(new SavingsRow(model.label(), Amounts.grouped(model.seats().savings()),
						Amounts.money(money.savingsAnnual(), money.currency()),
						Amounts.money(money.savingsAfterReclamationAnnual(), money.currency())));
			});
		return rows;
	}

	private static BigDecimal savingsAnnual(LicensePosition model) {
		return Objects.requireNonNull(model.money(), "filtered to priced models").savingsAnnual();
	}

	/** Models with an entitlement or a holder; the many empty catalogue models would only add noise. */
	private static List<LicensePosition> charted(List<LicensePosition> models) {
		return models.stream()
			.filter(model -> model.money() != null || model.seats().assigned() > 0)
			.toList();
	}

	private static String seatChart(List<LicensePosition> models) {
		StringBuilder svg = new StringBuilder();
		double labelWidth = 260;
		double barWidth = WIDTH - labelWidth - 70;
		double rowHeight = 46;
		int max = models.stream()
			.mapToInt(model -> Math.max(model.seats().assigned(),
					(model.seats().owned() != null) ? model.seats().owned() : 0))
			.max()
			.orElse(1);
		double scale = barWidth / Math.max(1, max);
		svg.append(Svg.open(WIDTH, rowHeight * models.size() + 8, "owned, assigned and active seats per model"));
		for (int i = 0; i < models.size(); i++) {
			LicensePosition model = models.get(i);
			double top = 4 + i * rowHeight;
			svg.append(Svg.text(0, top + 14, "start", "", shorten(model.label(), 38)));
			svg.append(Svg.text(0, top + 30, "start", "small", wording(model.status())));
			Integer owned = model.seats().owned();
			if (model.seats().siteLicense()) {
				svg.append(Svg.rect(labelWidth, top, barWidth, 12, "unlimited"));
				svg.append(Svg.text(labelWidth + barWidth + 4, top + 10, "start", "small", "unlimited"));
			}
			else if (owned != null) {
				bar(svg, labelWidth, top, owned * scale, "owned", owned);
			}
			else {
				svg.append(Svg.text(labelWidth, top + 10, "start", "small", "owned unknown"));
			}
			bar(svg, labelWidth, top + 14, model.seats().assigned() * scale, "assigned", model.seats().assigned());
			bar(svg, labelWidth, top + 28, model.seats().active() * scale, "active", model.seats().active());
		}
		return svg.append("</svg>").toString();
	}

	private static void bar(StringBuilder svg, double x, double y, double width, String cssClass, int value) {
		svg.append(Svg.rect(x, y, width, 12, cssClass));
		svg.append(Svg.text(x + width + 4, y + 10, "start", "small", Integer.toString(value)));
	}

	/** Seats summed over the models on each run date: owned (counted seats), assigned and active. */
	private static Map<LocalDate, int[]> trendSums(List<TrendPoint> points) {
		Map<LocalDate, int[]> byDate = new TreeMap<>();
		for (TrendPoint point : points) {
			int[] sums = byDate.computeIfAbsent(point.runDate(), date -> new int[3]);
			sums[0] += (point.owned() != null) ? point.owned() : 0;
			sums[1] += point.assigned();
			sums[2] += point.active();
		}
		return byDate;
	}

	private static String trendChart(Map<LocalDate, int[]> byDate) {
		StringBuilder svg = new StringBuilder();
		List<LocalDate> dates = new ArrayList<>(byDate.keySet());
		List<int[]> sumsByDate = new ArrayList<>(byDate.values());
		double left = 60;
		double height = 220;
		double plotWidth = WIDTH - left - 50;
		double plotHeight = height - 50;
		int max = byDate.values().stream().mapToInt(sums -> Math.max(sums[0], Math.max(sums[1], sums[2]))).max().orElse(1);
		svg.append(Svg.open(WIDTH, height, "seats over recent runs"));
		for (int tick = 0; tick <= 4; tick++) {
			double y = 10 + plotHeight - plotHeight * tick / 4;
			svg.append(Svg.line(left, y, left + plotWidth, y, "grid"));
			svg.append(Svg.text(left - 6, y + 4, "end", "small", Integer.toString(max * tick / 4)));
		}
		String[] classes = { "l-owned", "l-assigned", "l-active" };
		for (int series = 0; series < 3; series++) {
			StringBuilder polyline = new StringBuilder();
			for (int i = 0; i < dates.size(); i++) {
				double x = left + ((dates.size() == 1) ? plotWidth / 2 : plotWidth * i / (dates.size() - 1));
				double y = 10 + plotHeight - plotHeight * sumsByDate.get(i)[series] / Math.max(1, max);
				polyline.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
				svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" class=\"%s\"/>", x, y,
						classes[series]));
			}
			svg.append("<polyline points=\"").append(polyline.toString().trim()).append("\" class=\"")
				.append(classes[series]).append("\"/>");
		}
		int step = Math.max(1, dates.size() / 8);
		for (int i = 0; i < dates.size(); i += step) {
			double x = left + ((dates.size() == 1) ? plotWidth / 2 : plotWidth * i / (dates.size() - 1));
			svg.append(Svg.text(x, height - 20, "middle", "small", dates.get(i).toString()));
		}
		svg.append(Svg.text(left, height - 4, "start", "small", "owned (counted seats) · assigned · active, all models"));
		return svg.append("</svg>").toString();
	}

	private static String pipelineChart(Map<String, Integer> pipeline) {
		StringBuilder svg = new StringBuilder();
		int max = pipeline.values().stream().mapToInt(Integer::intValue).max().orElse(1);
		double rowHeight = 22;
		svg.append(Svg.open(WIDTH, rowHeight * pipeline.size() + 4, "reclamation candidates by state"));
		int row = 0;
		for (Map.Entry<String, Integer> state : pipeline.entrySet()) {
			double top = 2 + row++ * rowHeight;
			svg.append(Svg.text(0, top + 13, "start", "", state.getKey()));
			bar(svg, 160, top + 2, (WIDTH - 240) * state.getValue() / Math.max(1, max), "pipe", state.getValue());
		}
		return svg.append("</svg>").toString();
	}

	private static String wording(PositionStatus status) {
		return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	private static String orDash(@Nullable Integer value) {
		return (value != null) ? value.toString() : "–";
	}

	private static String number(@Nullable BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : "–";
	}

	private static String shorten(String text, int width) {
		return (text.length() > width) ? text.substring(0, width - 1) + "…" : text;
	}

}
