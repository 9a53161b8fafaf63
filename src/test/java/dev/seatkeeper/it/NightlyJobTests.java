package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.cli.ExitCode;
import dev.seatkeeper.job.RunResult;
import dev.seatkeeper.license.FeatureLicenses;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.fault.RequestLog;
import dev.seatkeeper.sandbox.org.OrgFacts;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole nightly job against a sandbox org with known ground truth, on H2 and on the MySQL-compatible server. */
class NightlyJobTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aRunStoresExactlyWhatTheOrgHolds(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(700).seed(7).loginDays(60).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			Profile profile = TestProfiles.of("acme", sandbox);
			RunResult result = app.run(profile, RUN_DATE);

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
			OrgFacts facts = sandbox.facts();
			assertThat(app.count("SELECT COUNT(*) FROM sf_user WHERE profile = 'acme'")).isEqualTo(facts.users());
			assertThat(app.count("SELECT COUNT(*) FROM sf_user WHERE profile = 'acme' AND is_active = TRUE"))
				.isEqualTo(facts.activeUsers());
			facts.activeUsersByLicense().forEach((key, users) -> assertThat(openSubscriptions(app, "UserLicense:" + key))
				.as(key).isEqualTo(users));
			facts.assignmentsByPermissionSetLicense().forEach((key, assignments) -> assertThat(
					openSubscriptions(app, "PermissionSetLicense:" + key)).as(key).isEqualTo(assignments));
			facts.assignmentsByPackage().forEach((key, assignments) -> assertThat(
					openSubscriptions(app, "PackageLicense:" + key)).as(key).isEqualTo(assignments));
			for (FeatureLicenses.Feature feature : FeatureLicenses.ALL) {
				assertThat(openSubscriptions(app, feature.identifier())).as(feature.identifier())
					.isEqualTo(activeUsersWith(sandbox, feature.field()));
			}
			assertThat(app.count("SELECT COUNT(*) FROM login_event WHERE profile = 'acme'")).isEqualTo((int) facts.loginEvents());
			assertThat(app.count("SELECT COUNT(*) FROM user_activity WHERE profile = 'acme'")).isEqualTo(facts.users());
			assertThat(app.count("SELECT COUNT(*) FROM consumption WHERE profile = 'acme' AND source = 'USAGE_ENTITLEMENT'"))
				.isEqualTo(sandbox.org().table(dev.seatkeeper.sandbox.org.OrgTypes.TENANT_USAGE_ENTITLEMENT).size());
			assertThat(app.count("SELECT COUNT(*) FROM consumption WHERE profile = 'acme' AND metric = 'DailyApiRequests'"))
				.isEqualTo(1);
			assertThat(app.count("SELECT COUNT(*) FROM v_runs WHERE profile = 'acme' AND status = 'COMPLETED'")).isEqualTo(1);
			assertThat(apiCalls(sandbox)).as("API calls: the pages the queries need, plus two")
				.isLessThanOrEqualTo(pagesNeeded(app, facts) + 2);
		}
	}

	private static int openSubscriptions(JobHarness app, String model) {
		return app.count("SELECT COUNT(*) FROM subscription WHERE profile = 'acme' AND model_identifier = ? AND ended_at IS NULL",
				model);
	}

	private static int activeUsersWith(Sandbox sandbox, String flag) {
		var users = sandbox.org().table(dev.seatkeeper.sandbox.org.OrgTypes.USER);
		int count = 0;
		for (int i = 0; i < users.size(); i++) {
			var user = users.record(i);
			if (Boolean.TRUE.equals(user.fieldValue("IsActive")) && Boolean.TRUE.equals(user.fieldValue(flag))) {
				count++;
			}
		}
		return count;
	}

	static long apiCalls(Sandbox sandbox) {
		List<RequestLog.Entry> entries = sandbox.requests().entries();
		return entries.stream().filter(entry -> entry.pathAndQuery().startsWith("/services/data")).count();
	}

	/**
	 * The fewest calls the run can make: one page per 2,000 records of each query, at least one page per query
	 * (one per login-history window), plus Organization, two /limits reads and the four small license and usage
	 * queries.
	 */
	static long pagesNeeded(JobHarness app, OrgFacts facts) {
		int assignments = facts.assignmentsByPermissionSetLicense().values().stream().mapToInt(Integer::intValue).sum();
		int packages = facts.assignmentsByPackage().values().stream().mapToInt(Integer::intValue).sum();
		long loginPages = app.jdbc()
			.queryForList("SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'pullActivityWindow:%'", Long.class)
			.stream()
			.mapToLong(NightlyJobTests::pages)
			.sum();
		return pages(facts.users()) + pages(assignments) + pages(packages) + loginPages + 1 + 2 + 4;
	}

	static long pages(long records) {
		return Math.max(1, (records + 1999) / 2000);
	}

	static Map<String, Object> noProperties() {
		return Map.of();
	}

}
