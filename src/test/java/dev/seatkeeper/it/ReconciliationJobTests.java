package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.cli.SeatkeeperCommandLine;
import dev.seatkeeper.launch.RunEpilogue;
import dev.seatkeeper.cli.RunReport;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.license.FeatureLicenses;
import dev.seatkeeper.profile.Entitlement;
import dev.seatkeeper.profile.Entitlement.BillingPeriod;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.LoginHistoryTable;
import dev.seatkeeper.sandbox.org.OrgFacts;
import dev.seatkeeper.sandbox.org.OrgRecord;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The nightly job ends with the license position; the JSON report of it, produced by the {@code report} command,
 * counts exactly what the sandbox org holds and uses. On H2 and on the MySQL-compatible server.
 */
class ReconciliationJobTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	static final int SALES_THRESHOLD_DAYS = 30;

	@TempDir
	Path directory;

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void theJsonReportCountsWhatTheOrgHoldsAndUses(TestDatabase database) throws IOException {
		try (Sandbox sandbox = Sandbox.builder().users(600).seed(11).loginDays(120).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), withReportsDirectory(sandbox))) {
			RunResult result = app.run(profile(sandbox).build(), RUN_DATE);
			assertThat(result.exitCode()).isEqualTo(ExitCode.OK);

			JsonNode report = report(app, "--profile", "acme", "--format", "json");
			String console = console(app, result);

			OrgFacts facts = sandbox.facts();
			assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
			assertThat(report.get("runDate").asString()).isEqualTo("2026-11-27");
			Map<String, JsonNode> models = byModel(report);
			Map<String, Integer> activeTruth = activeUsersByLicense(sandbox);
			facts.activeUsersByLicense().forEach((key, holders) -> {
				JsonNode seats = models.get("UserLicense:" + key).get("seats");
				assertThat(seats.get("assigned").asInt()).as("assigned " + key).isEqualTo(holders);
				assertThat(seats.get("active").asInt()).as("active " + key).isEqualTo(activeTruth.getOrDefault(key, 0));
				assertThat(seats.get("inactive").asInt()).isEqualTo(holders - activeTruth.getOrDefault(key, 0));
			});
			totalLicenses(sandbox).forEach((key, total) -> assertThat(
					models.get("UserLicense:" + key).get("seats").get("provisioned").asInt()).as("provisioned " + key)
				.isEqualTo(total));
			facts.usedByModel()
				.forEach((model, used) -> assertThat(assigned(model, models)).as("assigned as Salesforce counts " + model)
					.isEqualTo(used));
			for (FeatureLicenses.Feature feature : FeatureLicenses.ALL) {
				assertThat(assigned(feature.identifier(), models)).as(feature.identifier())
					.isEqualTo(GroundTruth.activeUsersWith(sandbox, feature.field()));
			}
			assertOwnedSalesSeats(models.get("UserLicense:SFDC"), facts.activeUsersByLicense().get("SFDC"),
					activeTruth.get("SFDC"));
			assertThat(models.get("PackageLicense:retired").get("status").asString()).isEqualTo("NOT_IN_ORG");
			assertThat(models.get("UserLicense:AUL").get("status").asString()).isEqualTo("UNKNOWN");
			assertThat(models.get("UserLicense:AUL").get("money").isNull()).isTrue();
			assertThat(report.get("totals")).hasSize(2);
			assertThat(report.get("reclamationPipeline").get("new").asInt()).as("the candidates the run detected")
				.isPositive()
				.isEqualTo(app.count("SELECT COUNT(*) FROM reclamation_candidate WHERE profile = 'acme' AND state = 'NEW'"));
			assertThat(console).contains("reconcile", "License position").containsPattern("UserLicense:SFDC\\s+50\\s+"
					+ facts.activeUsersByLicense().get("SFDC") + "\\s+" + activeTruth.get("SFDC"));
			assertThat(this.directory.resolve("reports/acme-2026-11-27.html")).exists();
		}
	}

	/** What the run command prints after the run: the step table, then the position table and the HTML report. */
	private static String console(JobHarness app, RunResult result) {
		StringWriter text = new StringWriter();
		new RunReport(app.bean(JobRepository.class), List.of(app.bean(RunEpilogue.class)))
			.printSteps(result, new PrintWriter(text, true));
		return text.toString();
	}

	private Map<String, Object> withReportsDirectory(Sandbox sandbox) {
		Map<String, Object> properties = new HashMap<>(TestProfiles.properties(sandbox));
		properties.put("seatkeeper.reports.directory", this.directory.resolve("reports").toString());
		return properties;
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void reportsSayWhatIsMissingWithTheirOwnExitCodes(TestDatabase database) throws IOException {
		try (Sandbox sandbox = Sandbox.builder().users(120).seed(3).loginDays(20).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			assertThat(app.run(profile(sandbox).build(), RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

			assertThat(execute(app, "report", "--profile", "nobody", "--profiles-dir", this.directory.toString()))
				.isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
			assertThat(execute(app, "report", "--profile", "acme", "--run-date", "2026-11-01", "--profiles-dir",
					this.directory.toString()))
				.isEqualTo(ExitCode.NOTHING_TO_REPORT.code());
			Path csv = this.directory.resolve("acme.csv");
			assertThat(execute(app, "report", "--all", "--format", "csv", "--output", csv.toString(), "--profiles-dir",
					this.directory.toString()))
				.isEqualTo(ExitCode.OK.code());
			assertThat(Files.readAllLines(csv)).hasSize(1 + app.count(
					"SELECT COUNT(*) FROM license_position WHERE profile = 'acme' AND run_date = ?", RUN_DATE));
			assertThat(app.count("SELECT COUNT(*) FROM v_latest_license_position WHERE profile = 'acme'"))
				.isEqualTo(app.count("SELECT COUNT(*) FROM software_model WHERE profile = 'acme'") + 1);
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	@ExtendWith(OutputCaptureExtension.class)
	void aRuleNamingAModelTheOrgDoesNotHaveIsAWarningInTheRunLogAndEveryReport(TestDatabase database,
			CapturedOutput output) throws IOException {
		String warning = "rule 'misspelt' applies to PackageLicense:sbqqq, which this org does not have; the rule "
				+ "matches nothing for it (check the spelling)";
		try (Sandbox sandbox = Sandbox.builder().users(120).seed(3).loginDays(20).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			Rule misspelt = new Rule("misspelt", List.of("PackageLicense:sbqqq", "user-license"), 90, false, 0,
					Action.DEACTIVATE, true);
			assertThat(app.run(TestProfiles.of("acme", sandbox).rules(misspelt).build(), RUN_DATE).exitCode())
				.isEqualTo(ExitCode.OK);
			assertThat(output).contains("Profile acme: " + warning);

			JsonNode json = report(app, "--profile", "acme", "--format", "json");
			assertThat(json.get("warnings").valueStream().map(JsonNode::asString).toList()).containsExactly(warning);
			Path table = this.directory.resolve("acme.txt");
			Path html = this.directory.resolve("acme.html");
			assertThat(execute(app, "report", "--profile", "acme", "--format", "table", "--output", table.toString(),
					"--profiles-dir", this.directory.toString())).isZero();
			assertThat(execute(app, "report", "--profile", "acme", "--format", "html", "--output", html.toString(),
					"--profiles-dir", this.directory.toString())).isZero();
			assertThat(Files.readString(table)).contains("Warnings", "  " + warning);
			assertThat(Files.readString(html)).contains("<h2>Warnings</h2>",
					"<li>rule &#39;misspelt&#39; applies to PackageLicense:sbqqq");

			assertThat(app.run(TestProfiles.of("acme", sandbox).build(), RUN_DATE.minusDays(1)).exitCode())
				.isEqualTo(ExitCode.OK);
			assertThat(report(app, "--profile", "acme", "--run-date", RUN_DATE.minusDays(1).toString(), "--format", "json")
				.get("warnings").isEmpty()).as("the warning belongs to its run date; a run without the rule has none").isTrue();
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void thePortfolioFindsThePeopleHoldingPaidLicensesInBothOrgs(TestDatabase database) throws IOException {
		try (Sandbox emea = Sandbox.builder().users(150).seed(5).loginDays(20).now(NOW).client("sk", "both").build().start();
				Sandbox us = Sandbox.builder().users(150).seed(5).loginDays(20).now(NOW).client("sk", "both").build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(emea))) {
			Entitlement paidSales = new Entitlement("UserLicense:SFDC", "Sales Cloud", 500, new BigDecimal("150"), "USD",
					BillingPeriod.MONTHLY, null, null);
			assertThat(app.run(TestProfiles.of("emea", emea).entitlements(paidSales).build(), RUN_DATE).exitCode())
				.isEqualTo(ExitCode.OK);
			assertThat(app.run(TestProfiles.of("us", us).entitlements(paidSales).build(), RUN_DATE).exitCode())
				.isEqualTo(ExitCode.OK);

			JsonNode portfolio = report(app, "--all", "--format", "json");

			assertThat(portfolio.get("profiles")).extracting(profile -> profile.get("profile").asString())
				.containsExactly("emea", "us");
			assertThat(portfolio.get("totals").get(0).get("costAnnual").decimalValue())
				.isEqualByComparingTo(BigDecimal.valueOf(2 * 500 * 150 * 12));
			Set<String> inBoth = new TreeSet<>(activeSalesEmails(emea));
			inBoth.retainAll(activeSalesEmails(us));
			assertThat(inBoth).isNotEmpty();
			Set<String> reported = new TreeSet<>();
			portfolio.get("usersInSeveralOrgs").forEach(user -> {
				reported.add(user.get("identity").asString());
				assertThat(user.get("holdings")).extracting(holding -> holding.get("profile").asString())
					.containsExactly("emea", "us");
			});
			assertThat(reported).isEqualTo(inBoth);
		}
	}

	private static Set<String> activeSalesEmails(Sandbox sandbox) {
		Set<String> emails = new TreeSet<>();
		for (Row user : sandbox.org().table(OrgTypes.USER).rows()) {
			if (Boolean.TRUE.equals(user.fieldValue("IsActive"))
					&& "SFDC".equals(user.value("Profile.UserLicense.LicenseDefinitionKey"))) {
				emails.add(((String) user.fieldValue("Email")).toLowerCase(Locale.ROOT));
			}
		}
		return emails;
	}

	private static TestProfiles profile(Sandbox sandbox) {
		return TestProfiles.of("acme", sandbox)
			.entitlements(
					new Entitlement("UserLicense:SFDC", "Sales Cloud", 50, new BigDecimal("165"), "USD",
							BillingPeriod.MONTHLY, null, null),
					new Entitlement("FeatureLicense:SupportUser", "Service Cloud", null, new BigDecimal("90000"), "EUR",
							BillingPeriod.ANNUAL, null, null),
					new Entitlement("PackageLicense:retired", "Retired package", 10, new BigDecimal("5"), "USD",
							BillingPeriod.MONTHLY, null, null))
			.rules(new Rule("idle-sales", List.of("UserLicense:SFDC"), SALES_THRESHOLD_DAYS, false, 0,
					Action.DEACTIVATE, false));
	}

	private static void assertOwnedSalesSeats(JsonNode sales, int assigned, int active) {
		JsonNode seats = sales.get("seats");
		assertThat(sales.get("thresholdDays").asInt()).isEqualTo(SALES_THRESHOLD_DAYS);
		assertThat(seats.get("owned").asInt()).isEqualTo(50);
		assertThat(sales.get("status").asString()).isEqualTo((assigned > 50) ? "UNDER_LICENSED" : "OVER_LICENSED");
		assertThat(seats.get("shortfall").asInt()).isEqualTo(Math.max(0, assigned - 50));
		assertThat(seats.get("savings").asInt()).isEqualTo(Math.max(0, 50 - active));
		assertThat(sales.get("money").get("trueUpExposureAnnual").decimalValue())
			.isEqualByComparingTo(BigDecimal.valueOf(Math.max(0, assigned - 50) * 165L * 12));
	}

	/** Truth from the org itself: active users whose later of LastLoginDate and last successful login is recent. */
	private static Map<String, Integer> activeUsersByLicense(Sandbox sandbox) {
		Map<String, Instant> lastSuccess = new HashMap<>();
		LoginHistoryTable history = sandbox.org().loginHistory();
		for (int i = 0; i < history.size(); i++) {
			OrgRecord login = history.record(i);
			Instant time = (Instant) login.fieldValue("LoginTime");
			if ("Success".equals(login.fieldValue("Status")) && !time.isAfter(NOW)) {
				lastSuccess.merge((String) login.fieldValue("UserId"), time, (a, b) -> a.isAfter(b) ? a : b);
			}
		}
		Map<String, Integer> active = new TreeMap<>();
		for (Row user : sandbox.org().table(OrgTypes.USER).rows()) {
			String key = (String) user.value("Profile.UserLicense.LicenseDefinitionKey");
			if (!Boolean.TRUE.equals(user.fieldValue("IsActive"))) {
				continue;
			}
			int days = "SFDC".equals(key) ? SALES_THRESHOLD_DAYS : 60;
			Instant latest = later((Instant) user.fieldValue("LastLoginDate"), lastSuccess.get(user.id()));
			if (latest != null && !latest.isBefore(NOW.minus(Duration.ofDays(days)))) {
				active.merge(key, 1, Integer::sum);
			}
		}
		return active;
	}

	private static Map<String, Integer> totalLicenses(Sandbox sandbox) {
		Map<String, Integer> totals = new TreeMap<>();
		sandbox.org().table(OrgTypes.USER_LICENSE).rows().forEach(license -> totals
			.put((String) license.fieldValue("LicenseDefinitionKey"), (Integer) license.fieldValue("TotalLicenses")));
		return totals;
	}

	private static Instant later(Instant first, Instant second) {
		if (first == null) {
			return second;
		}
		return (second == null || first.isAfter(second)) ? first : second;
	}

	private static int assigned(String model, Map<String, JsonNode> models) {
		JsonNode position = models.get(model);
		return (position != null) ? position.get("seats").get("assigned").asInt() : 0;
	}

	private static Map<String, JsonNode> byModel(JsonNode report) {
		Map<String, JsonNode> models = new TreeMap<>();
		report.get("models").forEach(model -> models.put(model.get("model").asString(), model));
		return models;
	}

	private JsonNode report(JobHarness app, String... arguments) throws IOException {
		Path file = this.directory.resolve("report.json");
		String[] all = new String[arguments.length + 5];
		all[0] = "report";
		System.arraycopy(arguments, 0, all, 1, arguments.length);
		all[arguments.length + 1] = "--output";
		all[arguments.length + 2] = file.toString();
		all[arguments.length + 3] = "--profiles-dir";
		all[arguments.length + 4] = this.directory.toString();
		assertThat(execute(app, all)).isEqualTo(ExitCode.OK.code());
		return JsonMapper.builder().build().readTree(Files.readString(file));
	}

	private static int execute(JobHarness app, String... arguments) {
		return SeatkeeperCommandLine.create(app.bean(CommandLine.IFactory.class)).execute(arguments);
	}

}
