package dev.seatkeeper.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportFormatTests {

	final PositionReport report = Reports.sample(Map.of());

	@Test
	void jsonKeepsTheDocumentedShapeWithEveryFieldPresent() {
		JsonNode json = JsonMapper.builder().build().readTree(JsonReport.of(this.report));

		assertThat(json.propertyNames()).containsExactly("schemaVersion", "profile", "runDate", "asOf", "models",
				"totals", "consumption", "trend", "reclamationPipeline", "skippedRecords", "rightSizing");
		assertThat(json.get("asOf").asString()).isEqualTo("2026-11-27T02:00:00Z");
		JsonNode sales = json.get("models").get(0);
		assertThat(sales.propertyNames()).containsExactly("model", "label", "status", "thresholdDays", "termExpired",
				"seats", "money");
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
		String table = TableReport.of(this.report);
		String html = HtmlReport.of(this.report);

		assertThat(table).containsPattern("Drift from Salesforce's counts.*\\R.*\\R  PermissionSetLicense:CPQ\\s+15\\s+12\\s+\\+3");
		assertThat(table.substring(table.indexOf("Drift from"))).doesNotContain("UserLicense:SFDC");
		assertThat(html).contains("Drift from Salesforce's counts")
			.contains("<tr><td>PermissionSetLicense:CPQ</td><td>15</td><td>12</td><td>3</td></tr>")
			.doesNotContain("<tr><td>UserLicense:SFDC</td><td>120</td>");
	}

	@Test
	void csvCarriesSalesforcesCountsInColumnsAddedAtTheEnd() {
		List<String> lines = CsvReport.of(List.of(this.report)).lines().toList();

		assertThat(lines.get(0)).endsWith(",savings_after_reclamation_annual,salesforce_used,drift,salesforce_active,"
				+ "downgrade_to,downgrade_candidates,downgrade_savings_annual");
		assertThat(lines.get(4)).startsWith("acme,2026-11-27,PermissionSetLicense:CPQ,").endsWith(",15,3,9,,,");
	}

	@Test
	void htmlIsOneSelfContainedFileWithItsChartsAndEscapedText() {
		String html = HtmlReport.of(this.report);

		assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("<svg").contains("<polyline");
		assertThat(html).doesNotContain("<script", "<link", "src=", "href=", "url(", "@import");
		assertThat(html).contains("Service Cloud &lt;EU&gt;").doesNotContain("Service Cloud <EU>");
		assertThat(html).contains("No reclamation candidates recorded");
		assertThat(html).contains("Top savings").contains("Trend over recent runs").contains("PlatformEvents");
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
		assertThat(TableReport.of(portfolio)).contains("People with paid licenses in more than one org: 1");
	}

	@Test
	void theRunSummaryTableShowsOwnedAssignedActiveStatusAndSavings() {
		String table = TableReport.summary(this.report.models());

		assertThat(table.lines().findFirst().orElseThrow()).contains("model", "owned", "assigned", "active", "status",
				"savings/year");
		assertThat(table).contains("UNDER_LICENSED").contains("unlimited").contains("unknown").contains("NOT_IN_ORG");
		assertThat(table).containsPattern("UserLicense:SFDC\\s+100\\s+120\\s+90\\s+UNDER_LICENSED\\s+19800.00 USD");
	}

}
