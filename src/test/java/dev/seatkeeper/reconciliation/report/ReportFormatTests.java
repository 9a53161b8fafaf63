package dev.seatkeeper.reconciliation.report;

import static dev.seatkeeper.reconciliation.Entitlements.seats;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import dev.seatkeeper.cli.TerminalWidth;
import dev.seatkeeper.reconciliation.CurrencyTotal;
import dev.seatkeeper.reconciliation.LicensePosition;
import dev.seatkeeper.reconciliation.ModelUsage;
import dev.seatkeeper.reconciliation.PositionCalculator;
import dev.seatkeeper.reconciliation.ReclamationCounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportFormatTests {

	final PositionReport report = Reports.sample(Map.of());

	@Test
	void jsonKeepsTheDocumentedShapeWithEveryFieldPresent() {
		JsonNode json = JsonMapper.builder().build().readTree(JsonReport.of(this.report));

		assertThat(json.propertyNames()).containsExactly("schemaVersion", "profile", "runDate", "asOf", "models",
				"totals", "consumption", "trend", "reclamationPipeline", "skippedRecords", "warnings", "rightSizing");
		assertThat(json.get("asOf").asString()).isEqualTo("2026-11-27T02:00:00Z");
		JsonNode sales = json.get("models").get(0);
		assertThat(sales.propertyNames()).containsExactly("model", "label", "status", "thresholdDays", "termExpired",
				"seats", "money", "logins");
		assertThat(sales.get("logins").isNull()).as("billed by users").isTrue();
		JsonNode logins = json.get("models").get(4);
		assertThat(logins.get("model").asString()).isEqualTo("UserLicense:PID_Customer_Community_Login");
		assertThat(logins.get("logins").propertyNames()).containsExactly("entitled", "used");
		assertThat(logins.get("logins").get("used").asInt()).isEqualTo(130);
		assertThat(logins.get("status").asString()).as("130 logins of 100 a month").isEqualTo("UNDER_LICENSED");
		assertThat(logins.get("seats").get("shelfware").asInt()).as("5000 owned, 60 assigned: no seats").isZero();
		assertThat(logins.get("money").get("savingsAnnual").decimalValue()).isEqualByComparingTo("0");
		JsonNode noData = json.get("consumption").get(1);
		assertThat(noData.propertyNames()).endsWith("status", "reason");
		assertThat(noData.get("reason").asString()).isEqualTo("Salesforce reports no reading of this metric");
		assertThat(json.get("consumption").get(0).get("reason").isNull()).isTrue();
		assertThat(sales.get("seats").propertyNames()).containsExactly("owned", "siteLicense", "provisioned", "assigned",
				"active", "inactive", "openCandidates", "reclaimedThisRun", "shortfall", "shelfware", "savings",
				"savingsAfterReclamation", "salesforceUsed", "drift", "salesforceActive");
		assertThat(sales.get("seats").get("drift").asInt()).isZero();
		assertThat(json.get("models").get(3).get("seats").get("drift").asInt()).as("CPQ: Salesforce counts 15, we 12")
			.isEqualTo(3);
		assertThat(sales.get("money").propertyNames()).containsExactly("currency", "unitPriceAnnual", "costMonthly",
				"costAnnual", "inactiveCostAnnual", "trueUpExposureAnnual", "savingsAnnual",
				"savingsAfterReclamationAnnual");
		assertThat(sales.get("money").get("trueUpExposureAnnual").decimalValue()).isEqualByComparingTo("39600");
		assertThat(json.get("models").get(2).get("money").isNull()).as("unknown model").isTrue();
		assertThat(json.get("totals")).extracting(total -> total.get("currency").asString()).containsExactly("EUR", "USD");
	}

	@Test
	void csvHasAHeaderAndOneQuotedRowPerModel() {
		List<String> lines = CsvReport.of(List.of(this.report)).lines().toList();

		assertThat(lines).hasSize(1 + this.report.models().size());
		assertThat(lines.get(0)).startsWith("profile,run_date,model,label,status,owned,");
		assertThat(lines.get(1)).startsWith("acme,2026-11-27,UserLicense:SFDC,\"Sales Cloud, \"\"Enterprise\"\"\",UNDER_LICENSED,100,");
		assertThat(lines.get(1).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)).hasSize(CsvReport.HEADER.size());
		assertThat(lines.get(3)).as("unknown: money columns left empty").endsWith(",,,,,,,,");
	}

	@Test
	void theTableAndHtmlListOnlyTheModelsThatDrift() {
		String table = TableReport.of(this.report, TerminalWidth.UNLIMITED);
		String html = HtmlReport.of(this.report);

		assertThat(table).containsPattern("Drift from Salesforce's counts.*\\R.*\\R  PermissionSetLicense:CPQ\\s+15\\s+12\\s+\\+3");
		assertThat(table.substring(table.indexOf("Drift from"))).doesNotContain("UserLicense:SFDC");
		assertThat(table).containsPattern("Login-based licenses.*\\R.*\\R  UserLicense:PID_Customer_Community_Login\\s+130\\s+100"
				+ "\\s+UNDER_LICENSED");
		assertThat(table).contains("DataStorageMB").contains("NO_DATA: Salesforce reports no reading of this metric");
		assertThat(html).contains("Drift from Salesforce's counts")
			.contains("<tr><td>PermissionSetLicense:CPQ</td><td>15</td><td>12</td><td>3</td></tr>")
			.doesNotContain("<tr><td>UserLicense:SFDC</td><td>120</td>");
	}

	@Test
	void theTableAndHtmlShowSalesforcesActiveCountNextToOursWhereItHasOne() {
		String table = TableReport.of(this.report, TerminalWidth.UNLIMITED);
		String html = HtmlReport.of(this.report);

		assertThat(table).containsPattern("model\\s+status\\s+owned\\s+provisioned\\s+assigned\\s+active\\s+sf active\\s+inactive")
			.containsPattern("PermissionSetLicense:CPQ .*\\s12\\s+12\\s+9\\s+0\\s")
			.containsPattern("FeatureLicense:SupportUser .*\\s40\\s+38\\s+-\\s+2\\s");
		assertThat(html).contains(">Salesforce active</th>").contains("<td>12</td><td>12</td><td>9</td><td>0</td>")
			.contains("<td>40</td><td>38</td><td>–</td><td>2</td>");
	}

	@Test
	void csvCarriesSalesforcesCountsInColumnsAddedAtTheEnd() {
		List<String> lines = CsvReport.of(List.of(this.report)).lines().toList();

		assertThat(lines.get(0)).endsWith(",savings_after_reclamation_annual,salesforce_used,drift,salesforce_active,"
				+ "monthly_logins_entitled,monthly_logins_used,downgrade_to,downgrade_candidates,downgrade_savings_annual");
		assertThat(lines.get(4)).startsWith("acme,2026-11-27,PermissionSetLicense:CPQ,").endsWith(",15,3,9,,,,,");
		assertThat(lines.get(5)).startsWith("acme,2026-11-27,UserLicense:PID_Customer_Community_Login,")
			.endsWith(",60,0,,100,130,,,");
	}

	@Test
	void htmlIsOneSelfContainedFileWithItsChartsAndEscapedText() {
		String html = HtmlReport.of(this.report);

		assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("<svg").contains("<polyline");
		assertThat(html).doesNotContain("<script", "<link", "src=", "href=", "url(", "@import");
		assertThat(html).contains("Service Cloud &lt;EU&gt;").doesNotContain("Service Cloud <EU>");
		assertThat(html).contains("No reclamation candidates recorded");
		assertThat(html).contains("Top savings").contains("Trend over recent runs").contains("PlatformEvents");
		assertThat(html).contains("<h2>Login-based licenses</h2>").contains("<td>130</td><td>100</td>");
		assertThat(html).as("amounts with thousands separators").contains("198,000").doesNotContain("198000");
	}

	@Test
	void htmlDrawsTheReclamationPipelineWhenThereAreCandidates() {
		String html = HtmlReport.of(Reports.sample(Map.of("open", 12, "approved", 3)));

		assertThat(html).doesNotContain("No reclamation candidates recorded").contains(">open</text>").contains(">12</text>");
	}

	@Test
	void thePortfolioShowsEveryProfileAndThePeopleInSeveralOrgs() {
		PortfolioReport portfolio = new PortfolioReport(PositionReport.SCHEMA_VERSION, List.of(this.report),
				this.report.totals(), List.of(new PortfolioReport.CrossOrgUser("ann@acme.com",
						List.of(new PortfolioReport.Holding("emea", "005A", "ann@emea", List.of("UserLicense:SFDC")),
								new PortfolioReport.Holding("us", "005B", "ann@us", List.of("UserLicense:SFDC"))))));

		String html = HtmlReport.of(portfolio);
		JsonNode json = JsonMapper.builder().build().readTree(JsonReport.of(portfolio));

		assertThat(html).contains("License portfolio").contains("<td>acme</td>").contains("ann@acme.com");
		assertThat(json.propertyNames()).containsExactly("schemaVersion", "profiles", "totals", "usersInSeveralOrgs");
		assertThat(json.get("usersInSeveralOrgs").get(0).get("holdings").get(1).get("profile").asString()).isEqualTo("us");
		assertThat(TableReport.of(portfolio, TerminalWidth.UNLIMITED)).contains("People with paid licenses in more than one org: 1");
	}

	@Test
	void theRunSummaryTableShowsOwnedAssignedActiveStatusAndSavings() {
		String table = TableReport.summary(this.report.models(), TerminalWidth.UNLIMITED);

		assertThat(table.lines().findFirst().orElseThrow()).contains("model", "owned", "assigned", "active", "status",
				"savings/year");
		assertThat(table).contains("UNDER_LICENSED").contains("unlimited").contains("unknown").contains("NOT_IN_ORG");
		assertThat(table).containsPattern("UserLicense:SFDC\\s+100\\s+120\\s+90\\s+UNDER_LICENSED\\s+19,800.00 USD");
	}

	@Test
	void reportTablesShowWholeModelIdentifiersWrappedToTheWidthOrOnOneLineWhenWide() {
		String model = "PermissionSetLicense:SalesCloudEinsteinPlatformLicenseForEveryone";
		List<LicensePosition> models = new PositionCalculator(Reports.RUN_DATE, ignored -> ReclamationCounts.NONE)
			.positions(List.of(new ModelUsage(model, "Einstein", null, 1500, 1200, 60)),
					List.of(seats(2000).of(model).at("1250", "USD").annually().line()), 60);
		PositionReport report = new PositionReport(PositionReport.SCHEMA_VERSION, "acme", Reports.RUN_DATE,
				Instant.parse("2026-11-27T02:00:00Z"), models, CurrencyTotal.of(models), List.of(), List.of(),
				new LinkedHashMap<>());

		String wide = TableReport.of(report, TerminalWidth.UNLIMITED);
		String narrow = TableReport.of(report, 140);

		assertThat(wide).containsPattern("  " + model + "\\s+OVER_LICENSED\\s+2,000\\s+-\\s+1,500\\s+1,200\\s+-\\s+300\\s+0"
				+ "\\s+2,500,000.00 USD\\s+1,000,000.00 USD");
		assertThat(narrow.lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(140));
		assertThat(narrow).doesNotContain(model).doesNotContain("…").contains("2,500,000.00 USD");
		String modelLines = narrow.lines()
			.dropWhile(line -> !line.startsWith("  model"))
			.skip(1)
			.takeWhile(line -> !line.isBlank())
			.map(line -> line.strip().split("\\s{2,}")[0])
			.reduce("", String::concat);
		assertThat(modelLines).as("the wrapped lines hold the whole identifier").isEqualTo(model);
	}

	@Test
	void theRunSummaryFollowsTheWidthItIsGiven() {
		String model = "PermissionSetLicense:SalesCloudEinsteinPlatformLicenseForEveryone";
		List<LicensePosition> models = new PositionCalculator(Reports.RUN_DATE, ignored -> ReclamationCounts.NONE)
			.positions(List.of(new ModelUsage(model, "Einstein", null, 15000, 12000, 60)), List.of(), 60);

		assertThat(TableReport.summary(models, 70).lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(70));
		assertThat(TableReport.summary(models, 200)).contains(model).containsPattern("15,000\\s+12,000");
	}

}
