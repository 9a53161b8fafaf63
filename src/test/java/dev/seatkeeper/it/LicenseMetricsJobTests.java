package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.LicenseMetrics;
import dev.seatkeeper.sandbox.org.OrgFacts;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Salesforce's daily license metrics in the position: every feature type ActiveFeatureLicenseMetric reports is a
 * model with Salesforce's total as provisioned, its assigned count as {@code salesforce_used} (drift against the
 * holders Seatkeeper counts) and its 30-day active count; permission set licenses get their active count from
 * ActivePermSetLicenseMetric. The metrics are yesterday's, so a change made today shows as drift. An org without the
 * objects runs as before, with a line saying what is skipped. On H2 and on the MySQL-compatible server.
 */
@ExtendWith(OutputCaptureExtension.class)
class LicenseMetricsJobTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void thePositionCarriesSalesforcesTotalsAndCountsOfEveryFeatureTypeAndDriftAgainstOurs(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(500).seed(21).loginDays(40).now(NOW).build().start()) {
			// Deactivated after Salesforce collected yesterday's metrics: Salesforce still counts the seat, we do not.
			Row leaver = serviceCloudHolder(sandbox);
			sandbox.org().writer().update(leaver.id(), Map.of("IsActive", false));
			OrgFacts facts = sandbox.facts();
			assertThat(facts.latestMetrics().keySet()).as("the sandbox reports every feature type it has")
				.contains("FeatureLicense:OfflineUser", "FeatureLicense:MobileUser");
			try (JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
					TestProfiles.properties(sandbox))) {
				RunResult result = app.run(TestProfiles.of("acme", sandbox).build(), RUN_DATE);
				assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);

				facts.latestMetrics().forEach((model, metric) -> {
					Map<String, Object> row = position(app.jdbc(), model);
					assertThat(number(row, "salesforce_active")).as("Salesforce active " + model).isEqualTo(metric.active());
					if (model.startsWith("FeatureLicense:")) {
						int holders = facts.featureHolders().get(model);
						assertThat(number(row, "provisioned")).as("provisioned " + model).isEqualTo(metric.total());
						assertThat(number(row, "assigned")).as("assigned " + model).isEqualTo(holders);
						assertThat(number(row, "salesforce_used")).as("Salesforce assigned " + model)
							.isEqualTo(metric.assigned());
						assertThat(number(row, "drift")).as("drift " + model).isEqualTo(metric.assigned() - holders);
					}
					else {
						assertThat(number(row, "drift")).as("a permission set license's drift is against UsedLicenses, "
								+ model).isZero();
					}
				});
				assertThat(number(position(app.jdbc(), "FeatureLicense:SupportUser"), "drift"))
					.as("yesterday's metric still counts today's leaver").isEqualTo(1 - createdToday(sandbox));
				assertThat(app.count("SELECT COUNT(*) FROM software_model WHERE profile = 'acme' AND kind = 'FEATURE_LICENSE'"))
					.isEqualTo(OrgTypes.USER_PERMISSIONS.size());
			}
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void anOrgWithoutTheMetricsRunsWithoutThemAndSaysWhatIsSkipped(TestDatabase database, CapturedOutput output) {
		try (Sandbox sandbox = Sandbox.builder().users(300).seed(21).loginDays(20).now(NOW).licenseMetrics(false)
			.build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
			RunResult result = app.run(TestProfiles.of("acme", sandbox).build(), RUN_DATE);

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
			Map<String, Object> support = position(app.jdbc(), "FeatureLicense:SupportUser");
			assertThat(number(support, "assigned")).isEqualTo(sandbox.facts().featureHolders().get("FeatureLicense:SupportUser"));
			assertThat(support.get("provisioned")).isNull();
			assertThat(support.get("salesforce_used")).isNull();
			assertThat(support.get("drift")).isNull();
			assertThat(support.get("salesforce_active")).isNull();
			assertThat(app.count("SELECT COUNT(*) FROM license_position WHERE profile = 'acme' AND salesforce_active IS NOT NULL"))
				.isZero();
			assertThat(sandbox.requests().entries()).noneSatisfy(
					entry -> assertThat(entry.pathAndQuery()).contains("LicenseMetric"));
			assertThat(output).contains("skipped: feature license totals and Salesforce's assigned and active counts"
					+ " are not read", "may not read ActiveFeatureLicenseMetric", "may not read ActivePermSetLicenseMetric");
		}
	}

	private static Row serviceCloudHolder(Sandbox sandbox) {
		Instant collected = LicenseMetrics.endOf(RUN_DATE.minusDays(1));
		return sandbox.org().table(OrgTypes.USER).rows().stream()
			.filter(user -> Boolean.TRUE.equals(user.fieldValue("IsActive"))
					&& Boolean.TRUE.equals(user.fieldValue("UserPermissionsSupportUser"))
					&& ((Instant) user.fieldValue("CreatedDate")).isBefore(collected)
					&& !sandbox.org().protectedUsers().containsKey(user.id())
					&& !user.id().equals(sandbox.org().integrationUserId()))
			.skip(5)
			.findFirst()
			.orElseThrow();
	}

	/** Active Service Cloud holders created after yesterday's metrics were collected (counted by us, not yet by Salesforce). */
	private static int createdToday(Sandbox sandbox) {
		Instant collected = LicenseMetrics.endOf(RUN_DATE.minusDays(1));
		return (int) sandbox.org().table(OrgTypes.USER).rows().stream()
			.filter(user -> Boolean.TRUE.equals(user.fieldValue("IsActive"))
					&& Boolean.TRUE.equals(user.fieldValue("UserPermissionsSupportUser"))
					&& !((Instant) user.fieldValue("CreatedDate")).isBefore(collected))
			.count();
	}

	private static Map<String, Object> position(JdbcTemplate jdbc, String model) {
		return jdbc.queryForMap("SELECT provisioned, assigned, salesforce_used, drift, salesforce_active FROM license_position"
				+ " WHERE profile = 'acme' AND run_date = ? AND model = ?", RUN_DATE, model);
	}

	private static Integer number(Map<String, Object> row, String column) {
		Object value = row.get(column);
		assertThat(value).as(column).isNotNull();
		return ((Number) value).intValue();
	}

}
