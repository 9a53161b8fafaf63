package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.function.BooleanSupplier;

import dev.seatkeeper.cli.ExitCode;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.sandbox.org.WriteJournal;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The packaged job killed (SIGKILL) in {@code reclaim} after a composite write reached the org and before the job
 * learned its outcome — the sandbox applies the write and holds the answer back. The relaunch must finish with every
 * candidate settled and no record written twice (the sandbox's write journal sees each record of each request).
 */
class ReclaimKillIT {

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	static final Duration LIMIT = Duration.ofMinutes(3);

	/** Deactivates idle full users (admins excluded: Salesforce refuses some) and freezes idle platform users. */
	static final String RECLAMATION = """
			reclamation:
			  mode: enforce
			  maxPerRun: 100000
			  maxShareOfActiveUsers: 1.0
			  newUserGraceDays: 0
			  exclusions:
			    profiles: [System Administrator]
			  rules:
			    - name: deactivate-idle
			      appliesTo: ["UserLicense:SFDC"]
			      lastActivityThresholdDays: 1
			      action: deactivate
			    - name: freeze-idle
			      appliesTo: ["UserLicense:AUL"]
			      lastActivityThresholdDays: 1
			      action: freeze
			""";

	@TempDir
	Path work;

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void killedAfterAWriteReachedSalesforceTheRelaunchSettlesEveryCandidateWithoutWritingAnyRecordTwice(
			TestDatabase kind) throws Exception {
		try (Sandbox sandbox = org(); Org org = org(kind, "reclaim", sandbox)) {
			JdbcTemplate jdbc = org.jdbc();
			int seatsBefore = usedSeats(sandbox, "SFDC");
			sandbox.faults().writeAnswerDelay(LIMIT.toMillis());

			JobProcess first = org.launch();
			awaitOrFail(first, () -> !sandbox.org().writer().journal().entries().isEmpty());
			first.kill();
			sandbox.faults().writeAnswerDelay(0);
			int writtenBeforeKill = sandbox.org().writer().journal().entries().size();
			int inFlight = count(jdbc, "SELECT COUNT(*) FROM reclamation_candidate WHERE state = 'RECLAIMING'");
			assertThat(inFlight).as("the killed chunk was marked in flight").isEqualTo(writtenBeforeKill);
			assertThat(count(jdbc, "SELECT COUNT(*) FROM reclamation_candidate WHERE state = 'APPROVED'"))
				.as("more chunks to go").isGreaterThan(200);

			JobProcess relaunch = org.launch();
			assertThat(relaunch.awaitExit(LIMIT)).as(relaunch.output()).isEqualTo(ExitCode.OK.code());

			List<WriteJournal.Entry> writes = sandbox.org().writer().journal().entries();
			assertThat(writes.stream().map(WriteJournal.Entry::id).distinct().count()).as("no record written twice")
				.isEqualTo(writes.size());
			assertThat(count(jdbc, "SELECT COUNT(*) FROM reclamation_candidate WHERE state IN ('NEW', 'APPROVED', "
					+ "'RECLAIMING')")).as("every candidate in a final state").isZero();
			assertThat(count(jdbc, "SELECT COUNT(*) FROM reclamation_candidate WHERE state IN ('RECLAIMED', 'FAILED')"))
				.as("one write per settled candidate").isEqualTo(writes.size());
			assertThat(count(jdbc, "SELECT COUNT(*) FROM reclamation_candidate WHERE reason LIKE "
					+ "'% confirmed in Salesforce after an interrupted run'")).isEqualTo(writtenBeforeKill);
			assertThat(sandbox.requests().entries().stream().filter(e -> e.pathAndQuery().endsWith("/composite/sobjects")))
				.as("several chunks").hasSizeGreaterThanOrEqualTo(3);
			List<String> deactivated = jdbc.queryForList("SELECT user_id FROM reclamation_candidate WHERE rule_name = "
					+ "'deactivate-idle' AND state = 'RECLAIMED'", String.class);
			assertThat(deactivated).allSatisfy(id -> assertThat(sandbox.org().find(id).fieldValue("IsActive")).isEqualTo(false));
			assertThat(usedSeats(sandbox, "SFDC")).isEqualTo(seatsBefore - deactivated.size());
			assertThat(new HashSet<>(jdbc.queryForList("SELECT user_id FROM reclamation_candidate WHERE rule_name = "
					+ "'freeze-idle' AND state = 'RECLAIMED'", String.class))).isNotEmpty()
				.allSatisfy(id -> assertThat(login(sandbox, id).fieldValue("IsFrozen")).isEqualTo(true));
			assertThat(relaunch.output()).contains("candidates of an interrupted run checked in Salesforce");
			assertThat(jdbc.queryForList("SELECT status FROM v_runs ORDER BY execution_id", String.class))
				.containsExactly("FAILED", "COMPLETED");
		}
	}

	/** A profile with the reclamation rules above, a fresh database both processes open, and a way to launch. */
	private record Org(String profile, Path profiles, DriverManagerDataSource database, Sandbox sandbox, Path work)
			implements AutoCloseable {

		JobProcess launch() throws IOException {
			return JobProcess.run(this.profiles, this.profile, RUN_DATE, this.database, this.sandbox, this.work);
		}

		JdbcTemplate jdbc() {
			return new JdbcTemplate(this.database);
		}

		@Override
		public void close() {
			TestDatabase.closeShared(this.database);
		}

	}

	private Org org(TestDatabase kind, String profile, Sandbox sandbox) throws IOException {
		return new Org(profile, JobProcess.writeProfile(this.work, profile, sandbox, 2, RECLAMATION),
				kind.freshShared(this.work), sandbox, this.work);
	}

	/** Enough idle users for several chunks of 200; the job runs in real time, so the org is "as of" now. */
	private static Sandbox org() {
		return Sandbox.builder()
			.users(2500)
			.seed(7)
			.loginDays(30)
			.now(Instant.now().truncatedTo(ChronoUnit.SECONDS))
			.build()
			.start();
	}

	private static int usedSeats(Sandbox sandbox, String licenseKey) {
		return sandbox.org().table(OrgTypes.USER_LICENSE).rows().stream()
			.filter(license -> licenseKey.equals(license.fieldValue("LicenseDefinitionKey")))
			.mapToInt(license -> (Integer) license.fieldValue("UsedLicenses"))
			.sum();
	}

	private static Row login(Sandbox sandbox, String userId) {
		return sandbox.org().table(OrgTypes.USER_LOGIN).rows().stream()
			.filter(l -> userId.equals(l.fieldValue("UserId"))).findFirst().orElseThrow();
	}

	private static int count(JdbcTemplate jdbc, String sql) {
		Integer count = jdbc.queryForObject(sql, Integer.class);
		return (count != null) ? count : 0;
	}

	private static void awaitOrFail(JobProcess process, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + LIMIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				throw new AssertionError("The run ended or stalled before the moment the test waits for:\n" + process.output());
			}
			Thread.sleep(50);
		}
	}

}
