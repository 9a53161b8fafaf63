package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.profile.ConsumptionEntitlement;
import dev.seatkeeper.profile.Entitlement.BillingPeriod;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Permission;
import dev.seatkeeper.sandbox.org.RunAsUser;
import dev.seatkeeper.sandbox.soql.SoqlParser;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Consumption as Salesforce reports it: every TenantUsageEntitlement row is a metric of its own, two rows of one
 * resource group included; and a consumption source Salesforce does not answer (a 5xx the retries do not get past,
 * access withdrawn after connect) leaves its metrics NO_DATA with the reason while the run reconciles everything else.
 * On H2 and the MySQL-compatible server.
 */
class ConsumptionJobTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	static final ConsumptionEntitlement DATA_STORAGE = new ConsumptionEntitlement("DataStorage", new BigDecimal("5000"),
			BillingPeriod.MONTHLY);

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void rowsSharingAResourceGroupKeyAreMetricsOfTheirOwn(TestDatabase database) {
		try (Sandbox sandbox = sandbox(b -> b); JobHarness app = start(database, sandbox)) {
			long sharing = sandbox.org().table(OrgTypes.TENANT_USAGE_ENTITLEMENT).rows().stream()
				.filter(row -> "PlatformEvents".equals(row.fieldValue("ResourceGroupKey")))
				.count();
			assertThat(sharing).as("the org has two entitlements in one resource group").isEqualTo(2);

			assertThat(app.run(TestProfiles.of("acme", sandbox).build(), RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

			assertThat(app.jdbc().queryForList("SELECT metric FROM consumption WHERE profile = 'acme'"
					+ " AND source = 'USAGE_ENTITLEMENT' ORDER BY metric", String.class))
				.containsExactly("CommunityLogins", "DataStorage", "EinsteinRequests", "FileStorage",
						"PlatformEventsDelivered", "PlatformEventsPublished");
			assertThat(app.jdbc().queryForObject("SELECT used FROM consumption_position WHERE profile = 'acme'"
					+ " AND metric = 'PlatformEventsPublished'", BigDecimal.class)).isEqualByComparingTo("87500");
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aServerErrorReadingEntitlementsLeavesThemNoDataAndTheRunReconciles(TestDatabase database) {
		try (Sandbox sandbox = sandbox(b -> b); JobHarness app = start(database, sandbox)) {
			Profile profile = TestProfiles.of("acme", sandbox).consumption(DATA_STORAGE).build();
			assertThat(app.run(profile, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);
			assertThat(status(app, RUN_DATE, "DataStorage")).isEqualTo("WITHIN");
			sandbox.faults().failQueriesOn("TenantUsageEntitlement", 503);
			sandbox.requests().clear();

			try (JobHarness next = app.restartOnSameDatabase(Clock.fixed(NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC),
					TestProfiles.properties(sandbox))) {
				RunResult result = next.run(profile, RUN_DATE.plusDays(1));

				assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
				assertThat(sandbox.requests().entries())
					.filteredOn(entry -> entry.pathAndQuery().contains("TenantUsageEntitlement"))
					.as("the client retried before giving the source up").hasSizeGreaterThan(1);
				Map<String, Object> storage = position(next, RUN_DATE.plusDays(1), "DataStorage");
				assertThat(storage.get("status")).isEqualTo("NO_DATA");
				assertThat(storage.get("used")).as("never yesterday's reading").isNull();
				assertThat((String) storage.get("reason")).startsWith("USAGE_ENTITLEMENT not read: SERVER_UNAVAILABLE (HTTP 503)");
				assertThat(status(next, RUN_DATE.plusDays(1), "PlatformEventsPublished")).isEqualTo("NO_DATA");
				assertThat(status(next, RUN_DATE.plusDays(1), "DailyApiRequests")).as("org limits were read")
					.isNotEqualTo("NO_DATA");
				assertThat(next.count("SELECT COUNT(*) FROM license_position WHERE profile = 'acme' AND run_date = ?",
						RUN_DATE.plusDays(1))).as("the seats were reconciled").isPositive();
				assertThat(next.jdbc().queryForObject("SELECT EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE STEP_NAME ="
						+ " 'downloadConsumption' ORDER BY STEP_EXECUTION_ID DESC LIMIT 1", String.class))
					.contains("consumption not read: USAGE_ENTITLEMENT=SERVER_UNAVAILABLE");
			}
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void accessWithdrawnAfterConnectLeavesEntitlementsNoDataWithSalesforcesReason(TestDatabase database) {
		// An administrator takes View Setup away from the integration user after connect looked.
		RunAsUser withoutSetup = RunAsUser.administrator().withhold(Permission.VIEW_SETUP);
		try (Sandbox sandbox = sandbox(b -> b.queryParser((soql, schema) -> SoqlParser.parse(soql,
				soql.contains("FROM TenantUsageEntitlement") ? withoutSetup.schema(schema) : schema)));
				JobHarness app = start(database, sandbox)) {
			RunResult result = app.run(TestProfiles.of("acme", sandbox).consumption(DATA_STORAGE).build(), RUN_DATE);

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
			Map<String, Object> storage = position(app, RUN_DATE, "DataStorage");
			assertThat(storage.get("status")).isEqualTo("NO_DATA");
			assertThat((String) storage.get("reason")).startsWith("not reported; USAGE_ENTITLEMENT not read: INVALID_TYPE")
				.contains("sObject type 'TenantUsageEntitlement' is not supported");
			assertThat(app.count("SELECT COUNT(*) FROM consumption WHERE profile = 'acme' AND source = 'ORG_LIMIT'"))
				.isPositive();
			assertThat(status(app, RUN_DATE, "DailyApiRequests")).isNotEqualTo("NO_DATA");
		}
	}

	private static String status(JobHarness app, LocalDate runDate, String metric) {
		return (String) position(app, runDate, metric).get("status");
	}

	private static Map<String, Object> position(JobHarness app, LocalDate runDate, String metric) {
		List<Map<String, Object>> rows = app.jdbc().queryForList("SELECT status, used, reason FROM consumption_position"
				+ " WHERE profile = 'acme' AND run_date = ? AND metric = ?", runDate, metric);
		assertThat(rows).as(metric).hasSize(1);
		return rows.get(0);
	}

	private static Sandbox sandbox(java.util.function.UnaryOperator<Sandbox.Builder> options) {
		return options.apply(Sandbox.builder().users(200).seed(13).loginDays(30).now(NOW)).build().start();
	}

	private static JobHarness start(TestDatabase database, Sandbox sandbox) {
		return JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox));
	}

}
