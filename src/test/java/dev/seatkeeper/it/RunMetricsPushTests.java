package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.profile.Entitlement;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

/** A whole run pushes its metrics to the Pushgateway (an in-process HTTP server), grouped by profile. */
class RunMetricsPushTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	@Test
	void aRunPushesBatchAndSeatkeeperMetricsGroupedByProfile() {
		try (FakePushgateway gateway = FakePushgateway.start();
				Sandbox sandbox = Sandbox.builder().users(300).seed(3).loginDays(20).now(NOW).build().start();
				JobHarness app = start(sandbox, gateway)) {
			RunResult result = app.run(TestProfiles.of("acme", sandbox)
				.entitlements(new Entitlement("UserLicense:SFDC", "Sales Cloud", 1000, new BigDecimal("150"), "EUR",
						Entitlement.BillingPeriod.MONTHLY, null, null))
				.build(), RUN_DATE);

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
			assertThat(gateway.pushes()).hasSize(1);
			FakePushgateway.Push push = gateway.pushes().get(0);
			assertThat(push.method()).isEqualTo("PUT");
			assertThat(push.path()).isEqualTo("/metrics/job/seatkeeper/profile/acme");
			assertThat(push.contentType()).startsWith("text/plain; version=0.0.4");
			PushedMetrics metrics = push.metrics();
			Map<String, String> acme = Map.of("profile", "acme");
			assertThat(metrics.value("seatkeeper_step_read_items", step("downloadSubscriptions")))
				.isEqualTo(sandbox.facts().users());
			assertThat(metrics.value("seatkeeper_step_written_items", step("downloadSubscriptions")))
				.isEqualTo(sandbox.facts().users());
			assertThat(metrics.value("seatkeeper_step_skipped_items", step("downloadSubscriptions"))).isZero();
			assertThat(metrics.value("seatkeeper_step_read_items", step("pullActivity")))
				.as("the partitions' sum on their manager step")
				.isEqualTo(app.count("SELECT COUNT(*) FROM login_event WHERE profile = 'acme'"));
			assertThat(metrics.find("seatkeeper_step_read_items", Map.of()))
				.as("no partition worker steps").noneMatch((sample) -> sample.labels().get("step").contains(":"));
			assertThat(metrics.value("seatkeeper_run_api_calls", acme)).as("every Salesforce API call of the run")
				.isEqualTo(NightlyJobTests.apiCalls(sandbox));
			double limit = metrics.value("seatkeeper_org_api_requests_limit", acme);
			double remaining = metrics.value("seatkeeper_org_api_requests_remaining", acme);
			assertThat(remaining).isPositive().isLessThan(limit);
			assertThat(metrics.value("seatkeeper_run_info",
					Map.of("profile", "acme", "run_date", "2026-11-27", "status", "COMPLETED"))).isEqualTo(1);
			assertThat(metrics.value("seatkeeper_run_end_timestamp_seconds", acme)).isPositive();
			assertThat(metrics.value("seatkeeper_savings_annual", Map.of("profile", "acme", "currency", "EUR")))
				.as("the stored position's savings")
				.isEqualTo(app.jdbc().queryForObject(
						"SELECT savings_annual FROM license_position WHERE profile = 'acme' AND model = 'UserLicense:SFDC'",
						BigDecimal.class).doubleValue())
				.isPositive();
			assertThat(metrics.value("seatkeeper_run_reclaimed_seats", acme)).as("reclamation is not built yet").isZero();
			assertThat(metrics.value("spring_batch_job_seconds_count",
					Map.of("spring_batch_job_name", "nightly", "spring_batch_job_status", "COMPLETED"))).isEqualTo(1);
			assertThat(metrics.find("spring_batch_step_seconds_count", Map.of("spring_batch_step_name", "downloadLicenses")))
				.hasSize(1);
			assertThat(metrics.names()).as("only the run's metrics, not the process's")
				.allMatch((name) -> name.startsWith("seatkeeper_") || name.startsWith("spring_batch_"));
		}
	}

	@Test
	void eachProfileOfOneProcessPushesOnlyItsOwnRun() {
		try (FakePushgateway gateway = FakePushgateway.start();
				Sandbox sandbox = Sandbox.builder().users(120).seed(5).loginDays(5).now(NOW).build().start();
				JobHarness app = start(sandbox, gateway)) {
			assertThat(app.run(TestProfiles.of("acme", sandbox).build(), RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);
			assertThat(app.run(TestProfiles.of("globex", sandbox).build(), RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

			List<FakePushgateway.Push> pushes = gateway.pushes();
			assertThat(pushes).extracting(FakePushgateway.Push::path)
				.containsExactly("/metrics/job/seatkeeper/profile/acme", "/metrics/job/seatkeeper/profile/globex");
			PushedMetrics globex = pushes.get(1).metrics();
			assertThat(globex.samples()).filteredOn((sample) -> sample.labels().containsKey("profile"))
				.allMatch((sample) -> sample.labels().get("profile").equals("globex"));
			assertThat(globex.value("spring_batch_job_seconds_count", Map.of("spring_batch_job_status", "COMPLETED")))
				.as("the second run's job timer alone").isEqualTo(1);
		}
	}

	@Test
	void aPushgatewayThatFailsDoesNotFailTheRun() {
		try (FakePushgateway gateway = FakePushgateway.start().answering(503);
				Sandbox sandbox = Sandbox.builder().users(50).seed(9).loginDays(3).now(NOW).build().start();
				JobHarness app = start(sandbox, gateway)) {
			RunResult result = app.run(TestProfiles.of("acme", sandbox)
				.entitlements(new Entitlement("UserLicense:SFDC", "Sales Cloud", 1000, new BigDecimal("150"), "EUR",
						Entitlement.BillingPeriod.MONTHLY, null, null))
				.build(), RUN_DATE);

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
			assertThat(gateway.pushes()).hasSize(1);
		}
	}

	private static JobHarness start(Sandbox sandbox, FakePushgateway gateway) {
		Map<String, Object> properties = new HashMap<>(TestProfiles.properties(sandbox));
		properties.put("seatkeeper.metrics.pushgateway.url", gateway.url());
		return JobHarness.start(TestDatabase.H2, Clock.fixed(NOW, ZoneOffset.UTC), properties);
	}

	private static Map<String, String> step(String name) {
		return Map.of("profile", "acme", "step", name);
	}

}
