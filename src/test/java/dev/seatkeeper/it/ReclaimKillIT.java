package dev.seatkeeper.it;

import static dev.seatkeeper.testsupport.Orgs.anOrg;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.sandbox.org.WriteJournal;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The packaged job killed (SIGKILL) in {@code reclaim} after a composite write reached the org and before the job
 * learned its outcome — the sandbox applies the write and holds the answer back. The relaunch must finish with every
 * candidate settled and no record written twice (the sandbox's write journal sees each record of each request).
 */
class ReclaimKillIT {

	/** Today: the job process runs on the wall clock, and a real-org profile starts new runs only today or yesterday. */
	static final LocalDate RUN_DATE = LocalDate.now(ZoneOffset.UTC);

	static final Duration LIMIT = Duration.ofMinutes(3);

	/** Deactivates idle full users (admins excluded: Salesforce refuses some) and freezes idle platform users. */
	static final String RECLAMATION = """
			reclamation:
			  mode: enforce
			  maxPerRun: 100000
			  maxShareOfActiveUsers: 1.0
			  allowLargeReclamations: true   # every candidate in one run: the test is about the kill, not the caps
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
		try (Sandbox sandbox = org();
				ProcessOrg org = ProcessOrg.create(kind, this.work, "reclaim", sandbox, RECLAMATION, RUN_DATE)) {
			JdbcTemplate jdbc = org.jdbc();
			int seatsBefore = usedSeats(sandbox, "SFDC");
			sandbox.faults().writeAnswerDelay(LIMIT.toMillis());

			JobProcess first = org.launch();
			first.awaitOrFail(() -> !sandbox.org().writer().journal().entries().isEmpty(), LIMIT);
			first.kill();
			sandbox.faults().writeAnswerDelay(0);
			int writtenBeforeKill = sandbox.org().writer().journal().entries().size();
			int inFlight = org.count("SELECT COUNT(*) FROM reclamation_candidate WHERE state = 'RECLAIMING'");
			assertThat(inFlight).as("the killed chunk was marked in flight").isEqualTo(writtenBeforeKill);
			assertThat(org.count("SELECT COUNT(*) FROM reclamation_candidate WHERE state = 'APPROVED'"))
				.as("more chunks to go").isGreaterThan(200);

			JobProcess relaunch = org.launch();
			assertThat(relaunch.awaitExit(LIMIT)).as(relaunch.output()).isEqualTo(ExitCode.OK.code());

			List<WriteJournal.Entry> writes = sandbox.org().writer().journal().entries();
			assertThat(writes.stream().map(WriteJournal.Entry::id).distinct().count()).as("no record written twice")
				.isEqualTo(writes.size());
			assertThat(org.count("SELECT COUNT(*) FROM reclamation_candidate WHERE state IN ('NEW', 'APPROVED', "
					+ "'RECLAIMING')")).as("every candidate in a final state").isZero();
			assertThat(org.count("SELECT COUNT(*) FROM reclamation_candidate WHERE state IN ('RECLAIMED', 'FAILED')"))
				.as("one write per settled candidate").isEqualTo(writes.size());
			assertThat(org.count("SELECT COUNT(*) FROM reclamation_candidate WHERE reason LIKE "
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

	/** Enough idle users for several chunks of 200; the job runs in real time, so the org is "as of" now. */
	private static Sandbox org() {
		return anOrg()
			.users(2500)
			.seed(7)
			.loginDays(30)
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

}
