package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.profile.SalesforceSettings.AuthFlow;
import dev.seatkeeper.salesforce.auth.SalesforceTokenStore;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.fault.Faults;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Salesforce misbehaving mid-run: the run either completes with exactly the org's data, or stops or fails with a
 * clear message and completes on relaunch. A stop or failure and its relaunch on H2 and on the MySQL-compatible server;
 * the client's retries, re-authentication and re-issued locators on H2 only, as they do not touch the database.
 */
class NightlyJobFaultTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void sessionExpiryMidPagingReauthenticatesOnce(TestDatabase database) {
		completesDespite(database, faults -> faults.expireSessionsAfter(7), sandbox -> {
			assertThat(requests(sandbox, "/services/oauth2/token")).as("token requests").isEqualTo(2);
			assertThat(status(sandbox, 401)).isEqualTo(1);
		});
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void serverErrorBurstsAreRetried(TestDatabase database) {
		completesDespite(database, faults -> faults.afterCalls(8, burst -> burst.failNext(3, 503)),
				sandbox -> assertThat(status(sandbox, 503)).isEqualTo(3));
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void slowPagesOnlyTakeLonger(TestDatabase database) {
		completesDespite(database, faults -> faults.slowEvery(4, 300), sandbox -> {
		});
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void anExpiredQueryLocatorIsReissuedFromTheLastKey(TestDatabase database) {
		// Call 13 is the first page of users (after connect's two describes and the four license metric queries; no
		// UserInfo): the next page finds its locator gone.
		completesDespite(database, faults -> faults.afterCalls(13, Faults::expireQueryLocators),
				sandbox -> assertThat(sandbox.requests().entries()).anySatisfy(entry -> {
					assertThat(entry.pathAndQuery()).contains("/query/");
					assertThat(entry.status()).isEqualTo(400);
				}));
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aSpentApiBudgetStopsTheRunAndTheNextRunsResumeUntilDone(TestDatabase database) {
		try (Sandbox sandbox = sandbox(b -> b.apiLimit(1000))) {
			// 15 calls a day, fewer than the run needs: each night stops when the day's share is spent.
			var profile = TestProfiles.of("acme", sandbox).batchSize(200).apiBudgetShare(0.015).build();
			List<RunResult> nights = new ArrayList<>();
			try (JobHarness first = start(database, sandbox)) {
				nights.add(first.run(profile, RUN_DATE));
				assertThat(NightlyJobTests.apiCalls(sandbox)).as("never past the day's budget").isLessThanOrEqualTo(15);
				while (nights.get(nights.size() - 1).exitCode() == ExitCode.STOPPED && nights.size() < 12) {
					sandbox.faults().reset();
					sandbox.requests().clear();
					try (JobHarness nextNight = first.restartOnSameDatabase(Clock.fixed(NOW, ZoneOffset.UTC),
							TestProfiles.properties(sandbox))) {
						nights.add(nextNight.run(profile, RUN_DATE));
					}
					assertThat(NightlyJobTests.apiCalls(sandbox)).as("never past the day's budget").isLessThanOrEqualTo(15);
				}
				assertThat(nights.get(0).exitCode()).isEqualTo(ExitCode.STOPPED);
				assertThat(nights.get(0).message()).contains("API budget reached");
				assertThat(nights.get(nights.size() - 1).exitCode()).as(nights.get(nights.size() - 1).message())
					.isEqualTo(ExitCode.OK);
				assertThat(nights).hasSizeGreaterThan(1);
				GroundTruth.assertTablesMatch(first.jdbc(), "acme", sandbox);
				assertThat(first.count("SELECT COUNT(*) FROM v_runs WHERE profile = 'acme' AND status = 'STOPPED'"))
					.isEqualTo(nights.size() - 1);
			}
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void invalidGrantFailsFastWithSalesforcesReason(TestDatabase database) {
		try (Sandbox sandbox = sandbox(b -> {
		})) {
			Map<String, Object> properties = new HashMap<>(TestProfiles.properties(sandbox));
			properties.put("seatkeeper.security.token-encryption-key", "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8M=");
			try (JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), properties)) {
				SalesforceTokenStore store = app.bean(SalesforceTokenStore.class);
				store.saveAuthorization("acme", "00D!expired", "5Aep861revoked", URI.create(sandbox.baseUrl()));
				store.invalidateAccessToken("acme");

				RunResult result = app.run(TestProfiles.of("acme", sandbox).flow(AuthFlow.REFRESH_TOKEN).build(), RUN_DATE);

				assertThat(result.exitCode()).as("no relaunch fixes a revoked grant").isEqualTo(ExitCode.INVALID_CONFIGURATION);
				assertThat(result.message()).contains("invalid_grant");
				assertThat(app.count("SELECT exit_code FROM v_runs WHERE profile = 'acme'")).isEqualTo(2);
				assertThat(requests(sandbox, "/services/oauth2/token")).as("no retry storm").isEqualTo(1);
				assertThat(NightlyJobTests.apiCalls(sandbox)).isZero();
				assertThat(app.count("SELECT COUNT(*) FROM sf_user")).isZero();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aMalformedPageFailsTheRunKeepsWhatWasCommittedAndTheRestartCompletes(TestDatabase database) {
		try (Sandbox sandbox = sandbox(b -> {
		}); JobHarness app = start(database, sandbox)) {
			var profile = TestProfiles.of("acme", sandbox).build();
			// Call 1 is the token; 2-15 are connect (with the two describes of the access check), licenses (with two
			// queries per license metric object) and the three Id-paged downloads; 16 is login history.
			sandbox.faults().afterCalls(15, Faults::malformedNextQueryPage);

			RunResult failed = app.run(profile, RUN_DATE);

			assertThat(failed.exitCode()).isEqualTo(ExitCode.FAILED);
			assertThat(failed.message()).startsWith("pullActivityWindow:").contains("malformed JSON");
			assertThat(app.count("SELECT COUNT(*) FROM sf_user WHERE profile = 'acme'")).as("committed before the bad page")
				.isEqualTo(sandbox.facts().users());

			RunResult restarted = app.run(profile, RUN_DATE);

			assertThat(restarted.exitCode()).as(restarted.message()).isEqualTo(ExitCode.OK);
			GroundTruth.assertTablesMatch(app.jdbc(), "acme", sandbox);
		}
	}

	private static void completesDespite(TestDatabase database, Consumer<Faults> fault, Consumer<Sandbox> check) {
		try (Sandbox sandbox = sandbox(b -> {
		}); JobHarness app = start(database, sandbox)) {
			fault.accept(sandbox.faults());

			RunResult result = app.run(TestProfiles.of("acme", sandbox).batchSize(200).build(), RUN_DATE);

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
			GroundTruth.assertTablesMatch(app.jdbc(), "acme", sandbox);
			check.accept(sandbox);
		}
	}

	private static Sandbox sandbox(Consumer<Sandbox.Builder> options) {
		Sandbox.Builder builder = Sandbox.builder().users(400).seed(11).loginDays(30).now(NOW);
		options.accept(builder);
		return builder.build().start();
	}

	private static JobHarness start(TestDatabase database, Sandbox sandbox) {
		return JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox));
	}

	private static long requests(Sandbox sandbox, String pathPrefix) {
		return sandbox.requests().entries().stream().filter(entry -> entry.pathAndQuery().startsWith(pathPrefix)).count();
	}

	private static long status(Sandbox sandbox, int status) {
		return sandbox.requests().entries().stream().filter(entry -> entry.status() == status).count();
	}

}
