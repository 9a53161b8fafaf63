package dev.seatkeeper.it;

import static dev.seatkeeper.testsupport.Orgs.anOrg;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.RecordActivityFacts;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The packaged job killed in the middle of {@code recordActivity}, after some of its chunks committed: the relaunch
 * resumes after the last commit and ends with every user's figures equal to the org's facts. The profile file has no
 * {@code activity.records}, so the documented defaults apply. On H2 (file, mixed mode) and on the MySQL-compatible
 * server.
 */
class RecordActivityKillIT {

	static final LocalDate RUN_DATE = LocalDate.now(ZoneOffset.UTC);

	static final Duration LIMIT = Duration.ofMinutes(4);

	/** The default map's objects the sandbox org has (Campaign, Quote, Contract and Knowledge__kav it lacks). */
	static final Set<String> READABLE = Set.of("Account", "Contact", "Opportunity", "Lead", "Case", "ContentVersion");

	@TempDir
	Path work;

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void killedDuringRecordActivityTheRelaunchCompletesWithTheOrgsFigures(TestDatabase kind) throws Exception {
		try (Sandbox sandbox = anOrg().users(1200).seed(5).loginDays(20).build().start();
				ProcessOrg org = ProcessOrg.create(kind, this.work, "usage", sandbox, "", RUN_DATE)) {
			JdbcTemplate jdbc = org.jdbc();
			JobProcess first = org.launch();
			first.awaitOrFail(() -> count(jdbc, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION"
					+ " WHERE STEP_NAME = 'recordActivity'") > 0, LIMIT);
			// Every aggregate page now takes a while, so the kill lands between two of the step's commits.
			sandbox.faults().latency(300);
			first.awaitOrFail(() -> count(jdbc, "SELECT COALESCE(SUM(COMMIT_COUNT), 0) FROM BATCH_STEP_EXECUTION"
					+ " WHERE STEP_NAME = 'recordActivity'") >= 1, LIMIT);
			first.kill();
			int rowsAtKill = org.count("SELECT COUNT(*) FROM record_activity");
			sandbox.faults().latency(0);
			sandbox.requests().clear();

			JobProcess relaunch = org.launch();
			assertThat(relaunch.awaitExit(LIMIT)).as(relaunch.output()).isEqualTo(ExitCode.OK.code());

			assertThat(relaunch.output()).contains("was left STARTED by a process that is gone; recovering it");
			Instant asOf = jdbc.queryForObject("SELECT MAX(counted_at) FROM record_activity", LocalDateTime.class)
				.toInstant(ZoneOffset.UTC);
			Set<String> expected = expected(sandbox, asOf);
			assertThat(rowsAtKill).as("killed mid-way").isPositive().isLessThan(expected.size());
			assertThat(RecordActivityJobTests.stored(jdbc, "usage")).isEqualTo(expected);
			long aggregateQueries = sandbox.requests().entries().stream()
				.filter((entry) -> java.net.URLDecoder.decode(entry.pathAndQuery(), java.nio.charset.StandardCharsets.UTF_8)
					.contains("GROUP BY"))
				.count();
			// A whole first night asks 3 queries per object; the committed ones are not asked again.
			assertThat(aggregateQueries).as("the relaunch resumes after the committed queries")
				.isLessThan(READABLE.size() * 3);
		}
	}

	private static Set<String> expected(Sandbox sandbox, Instant asOf) {
		RecordActivityFacts facts = sandbox.org().recordActivityFacts(asOf.minus(Duration.ofDays(365)), asOf);
		Set<String> rows = new TreeSet<>();
		facts.byUser().forEach((user, objects) -> objects.forEach((object, activity) -> {
			if (READABLE.contains(object)) {
				rows.add(user + " " + object + " " + activity.lastCreated() + " " + activity.lastModified() + " "
						+ activity.modifiedLast90Days());
			}
		}));
		return rows;
	}

	private static long count(JdbcTemplate jdbc, String sql) {
		Long count = jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

}
