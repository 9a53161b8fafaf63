package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.sandbox.Sandbox;
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
	void aRunStoresExactlyWhatTheOrgHoldsWithTheFewestCalls(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(700).seed(7).loginDays(60).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			RunResult result = app.run(TestProfiles.of("acme", sandbox).build(), RUN_DATE);

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
			GroundTruth.assertTablesMatch(app.jdbc(), "acme", sandbox);
			assertThat(app.count("SELECT COUNT(*) FROM consumption WHERE profile = 'acme' AND metric = 'DailyApiRequests'"))
				.isEqualTo(1);
			assertThat(app.count("SELECT COUNT(*) FROM v_runs WHERE profile = 'acme' AND status = 'COMPLETED'")).isEqualTo(1);
			assertThat(app.count("SELECT read_count FROM v_runs WHERE profile = 'acme'"))
				.as("each login counted once, not again for its partition")
				.isGreaterThanOrEqualTo((int) sandbox.facts().loginEvents() + sandbox.facts().users())
				.isLessThan(2 * (int) sandbox.facts().loginEvents());
			assertThat(app.jdbc().queryForObject("SELECT last_run_status FROM profile_state WHERE profile = 'acme'", String.class))
				.isEqualTo("COMPLETED");
			assertThat(app.jdbc().queryForObject("SELECT last_run_date FROM profile_state WHERE profile = 'acme'", LocalDate.class))
				.isEqualTo(RUN_DATE);
			assertThat(app.jdbc().queryForObject("SELECT login_watermark_time FROM profile_state WHERE profile = 'acme'",
					java.time.LocalDateTime.class))
				.isEqualTo(NOW.atOffset(ZoneOffset.UTC).toLocalDateTime());
			// Plus two, and the two describes of connect's access check.
			assertThat(apiCalls(sandbox)).as("API calls: the pages the queries need, plus two, plus two describes")
				.isLessThanOrEqualTo(pagesNeeded(app, sandbox.facts()) + 2 + 2);
			assertThat(sandbox.requests().entries().stream().filter(entry -> entry.pathAndQuery().startsWith("/services/oauth2/token")))
				.as("one token for the whole run").hasSize(1);
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void theSamePairAgainIsReportedCompleteAndNotRerun(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(200).loginDays(10).now(NOW).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			assertThat(app.run(TestProfiles.of("acme", sandbox).build(), RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);
			sandbox.requests().clear();

			RunResult again = app.run(TestProfiles.of("acme", sandbox).build(), RUN_DATE);

			assertThat(again.exitCode()).isEqualTo(ExitCode.ALREADY_COMPLETE);
			assertThat(again.message()).contains("already completed");
			assertThat(sandbox.requests().entries()).as("no Salesforce call for a completed pair").isEmpty();
		}
	}

	/** REST API calls: the data API and UserInfo, which the job no longer calls (token requests are not API calls). */
	static long apiCalls(Sandbox sandbox) {
		return sandbox.requests()
			.entries()
			.stream()
			.filter(entry -> entry.pathAndQuery().startsWith("/services/data")
					|| entry.pathAndQuery().startsWith("/services/oauth2/userinfo"))
			.count();
	}

	/**
	 * The fewest calls the run can make: one page per 2,000 records of each query, at least one page per query
	 * (one per login-history window), plus Organization, two /limits reads, the four small license and usage queries
	 * and the two of each license metric object (its latest date, then that date's rows; the running user comes from
	 * the token response, not UserInfo).
	 */
	static long pagesNeeded(JobHarness app, OrgFacts facts) {
		int assignments = facts.assignmentsByPermissionSetLicense().values().stream().mapToInt(Integer::intValue).sum();
		int packages = facts.assignmentsByPackage().values().stream().mapToInt(Integer::intValue).sum();
		long loginPages = app.jdbc()
			.queryForList("SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'pullActivityWindow:%'", Long.class)
			.stream()
			.mapToLong(NightlyJobTests::pages)
			.sum();
		return pages(facts.users()) + pages(assignments) + pages(packages) + loginPages + 1 + 2 + 4 + 4;
	}

	static long pages(long records) {
		return Math.max(1, (records + 1999) / 2000);
	}

}
