package dev.seatkeeper.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.it.JobHarness;
import dev.seatkeeper.it.TestProfiles;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.profile.Downgrade;
import dev.seatkeeper.profile.Entitlement;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.RecordActivitySettings;
import dev.seatkeeper.reconciliation.report.CsvReport;
import dev.seatkeeper.reconciliation.report.HtmlReport;
import dev.seatkeeper.reconciliation.report.JsonReport;
import dev.seatkeeper.reconciliation.report.PositionReport;
import dev.seatkeeper.reconciliation.report.ReportAssembler;
import dev.seatkeeper.reconciliation.report.Svg;
import dev.seatkeeper.reconciliation.report.TableReport;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.testsupport.DowngradeFacts;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Right-sizing: Salesforce (SFDC) seats whose holders touched none of the objects only it allows for 90 days could be
 * Salesforce Platform (AUL) seats. The position's right-size figures, and the reports that show them, hold exactly the
 * holders the org's records say, each with the price difference as savings. On H2 and on the MySQL-compatible server.
 */
class RightSizeJobTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	/** Campaign is not in the sandbox org; it is only required, so it is left out of the judgement. */
	static final Downgrade TO_PLATFORM = new Downgrade("UserLicense:SFDC", "UserLicense:AUL",
			List.of("Opportunity", "Case", "Campaign"), 90, "Standard Platform User");

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void downgradeCandidatesAreTheHoldersWhoUsedNothingOnlyTheExpensiveLicenseAllows(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(700).seed(7).loginDays(60).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
			Profile built = TestProfiles.of("acme", sandbox)
				.records(new RecordActivitySettings(true, 365, 60,
						Map.of("UserLicense:SFDC", List.of("Account", "Contact", "Opportunity", "Campaign"),
								"FeatureLicense:SupportUser", List.of("Case"))))
				.entitlements(price("UserLicense:SFDC", "165"), price("UserLicense:AUL", "25"))
				.build();
			Profile profile = new Profile(built.name(), built.displayName(), built.status(), built.source(),
					built.salesforce(), built.activity(), built.entitlements(), built.consumptionEntitlements(),
					built.reclamation(), List.of(TO_PLATFORM));
			RunResult result = app.run(profile, RUN_DATE);
			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);

			Set<String> expected = expected(sandbox);
			PositionReport report = app.bean(ReportAssembler.class).profile("acme", RUN_DATE);
			assertThat(report.rightSizing()).hasSize(1);
			RightSize size = report.rightSizing().get(0);
			assertThat(size.from()).isEqualTo("UserLicense:SFDC");
			assertThat(size.to()).isEqualTo("UserLicense:AUL");
			assertThat(size.users()).extracting(RightSize.User::userId).doesNotHaveDuplicates();
			assertThat(new TreeSet<>(size.users().stream().map(RightSize.User::userId).toList())).isNotEmpty()
				.isEqualTo(expected);
			assertThat(size.users()).allSatisfy((user) -> {
				assertThat(user.savingsAnnual()).isEqualByComparingTo("1680.00");
				assertThat(user.lastRecordActivity().keySet()).isSubsetOf("Account", "Contact", "Opportunity", "Case");
				for (String expensive : List.of("Opportunity", "Case")) {
					Instant last = user.lastRecordActivity().get(expensive);
					assertThat(last == null || last.isBefore(NOW.minus(Duration.ofDays(90)))).as(expensive).isTrue();
				}
			});
			assertThat(size.currency()).isEqualTo("EUR");
			assertThat(size.savingsAnnual()).isEqualByComparingTo(new BigDecimal("1680.00").multiply(
					BigDecimal.valueOf(expected.size())));

			String html = HtmlReport.of(report);
			assertThat(html).contains("<section id=\"right-size\">", "UserLicense:SFDC &rarr; UserLicense:AUL: "
					+ expected.size() + " users, saving " + size.savingsAnnual().toPlainString() + " EUR a year");
			RightSize.User someone = size.users().stream().filter((user) -> !user.lastRecordActivity().isEmpty())
				.findFirst().orElseThrow();
			assertThat(html).contains(Svg.escape(someone.username()));
			assertThat(CsvReport.of(List.of(report))).contains(",UserLicense:AUL," + expected.size() + ","
					+ size.savingsAnnual().toPlainString() + "\r\n");
			assertThat(JsonReport.of(report)).contains("\"rightSizing\"");
			assertThat(TableReport.of(report, 160)).contains("Right-size");
		}
	}

	/** Active SFDC holders without a create or edit of an Opportunity or Case in the 90 days before the run. */
	private static Set<String> expected(Sandbox sandbox) {
		return DowngradeFacts.salesforceUsersIdleOnOpportunitiesAndCases(sandbox, NOW);
	}

	private static Entitlement price(String model, String monthly) {
		return new Entitlement(model, model, 1000, new BigDecimal(monthly), "EUR", Entitlement.BillingPeriod.MONTHLY,
				null, null);
	}

}
