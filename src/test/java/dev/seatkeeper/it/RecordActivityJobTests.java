package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.profile.RecordActivitySettings;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.RecordActivityFacts;
import dev.seatkeeper.sandbox.soql.SoqlException;
import dev.seatkeeper.sandbox.soql.SoqlParser;
import dev.seatkeeper.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code recordActivity} against a sandbox whose CRM records are known: per user and object, the stored last create,
 * last edit and 90-day count equal the org's facts, with the fewest aggregate pages, also across a failed run
 * restarted. On H2 and on the MySQL-compatible server.
 */
class RecordActivityJobTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	static final int BACKFILL_DAYS = 365;

	/** Campaign is not in the sandbox org; Lead is hidden from the integration user: both are skipped. */
	static final RecordActivitySettings RECORDS = new RecordActivitySettings(true, BACKFILL_DAYS, 60,
			Map.of("UserLicense:SFDC", List.of("Account", "Contact", "Opportunity", "Lead", "Campaign"),
					"UserLicense:AUL", List.of("Account", "Contact", "Project__c"), "FeatureLicense:SupportUser",
					List.of("Case"), "FeatureLicense:SFContentUser", List.of("ContentVersion")));

	static final Set<String> READABLE = Set.of("Account", "Contact", "Opportunity", "Project__c", "Case",
			"ContentVersion");

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void theFirstNightStoresWhatTheOrgsRecordsSayWithOneAggregatePagePerQuery(TestDatabase database) {
		try (Sandbox sandbox = sandbox(null);
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
			RunResult result = app.run(TestProfiles.of("acme", sandbox).records(RECORDS).build(), RUN_DATE);

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
			assertThat(stored(app)).isNotEmpty().isEqualTo(expected(sandbox));
			// Per object: created since the backfill, modified in the last 90 days with counts, modified before them.
			assertThat(aggregateQueries(sandbox)).as("one page per query: no object has 2,000 active users")
				.hasSize(READABLE.size() * 3)
				.noneMatch((soql) -> soql.contains("FROM Lead") || soql.contains("FROM Campaign"));
			assertThat(app.jdbc().queryForList("SELECT watermark_time FROM record_activity_watermark WHERE profile = 'acme'",
					LocalDateTime.class))
				.hasSize(READABLE.size())
				.containsOnly(NOW.atOffset(ZoneOffset.UTC).toLocalDateTime());
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aRunThatFailsMidStepResumesAfterItsLastCommitAndStoresTheSameFigures(TestDatabase database) {
		AtomicBoolean broken = new AtomicBoolean(true);
		AtomicInteger aggregates = new AtomicInteger();
		try (Sandbox sandbox = sandbox((soql) -> {
			if (soql.contains("GROUP BY") && broken.get() && aggregates.incrementAndGet() == 14) {
				throw new SoqlException("UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId"
						+ " if you contact support: 1234567890-12345 (-1234567890)");
			}
		}); JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
				TestProfiles.properties(sandbox))) {
			var profile = TestProfiles.of("acme", sandbox).records(RECORDS).build();
			RunResult failed = app.run(profile, RUN_DATE);
			assertThat(failed.exitCode()).as(failed.message()).isEqualTo(ExitCode.FAILED);
			assertThat(app.count("SELECT COUNT(*) FROM record_activity_watermark")).as("no watermark moved").isZero();
			broken.set(false);
			sandbox.requests().clear();

			RunResult restarted = app.run(profile, RUN_DATE);

			assertThat(restarted.exitCode()).as(restarted.message()).isEqualTo(ExitCode.OK);
			assertThat(aggregateQueries(sandbox)).as("the restart resumes after the committed chunks")
				.hasSizeLessThan(READABLE.size() * 3 - 4);
			assertThat(stored(app)).isEqualTo(expected(sandbox));
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void theNextNightReadsCreationsFromTheWatermarkLessTheLookBack(TestDatabase database) {
		try (Sandbox sandbox = sandbox(null);
				JobHarness first = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
			var profile = TestProfiles.of("acme", sandbox).records(RECORDS).build();
			assertThat(first.run(profile, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);
			Instant tomorrow = NOW.plus(Duration.ofDays(1));
			sandbox.requests().clear();
			try (JobHarness second = first.restartOnSameDatabase(Clock.fixed(tomorrow, ZoneOffset.UTC),
					TestProfiles.properties(sandbox))) {
				assertThat(second.run(profile, RUN_DATE.plusDays(1)).exitCode()).isEqualTo(ExitCode.OK);
			}
			List<String> queries = aggregateQueries(sandbox);
			assertThat(queries).as("created since the watermark less 60 minutes, modified in the last 90 days")
				.hasSize(READABLE.size() * 2)
				.filteredOn((soql) -> soql.startsWith("SELECT CreatedById"))
				.allMatch((soql) -> soql.contains("CreatedDate >= " + NOW.minus(Duration.ofMinutes(60))));
			assertThat(stored(first)).as("the same records, counted over the 90 days before the second night")
				.isEqualTo(expected(sandbox, tomorrow));
		}
	}

	private static Sandbox sandbox(java.util.function.@Nullable Consumer<String> beforeParse) {
		return Sandbox.builder().users(700).seed(7).loginDays(60).now(NOW).hideObject("Lead").queryParser((soql, schema) -> {
			if (beforeParse != null) {
				beforeParse.accept(soql);
			}
			return SoqlParser.parse(soql, schema);
		}).build().start();
	}

	private static List<String> aggregateQueries(Sandbox sandbox) {
		return sandbox.requests()
			.entries()
			.stream()
			.map((entry) -> java.net.URLDecoder.decode(entry.pathAndQuery(), java.nio.charset.StandardCharsets.UTF_8))
			.filter((path) -> path.contains("GROUP BY"))
			.map((path) -> path.substring(path.indexOf("q=") + 2))
			.toList();
	}

	/** The org's facts as rows: user, object, last created, last modified, 90-day count. */
	static Set<String> expected(Sandbox sandbox) {
		return expected(sandbox, NOW);
	}

	static Set<String> expected(Sandbox sandbox, Instant asOf) {
		RecordActivityFacts facts = sandbox.org().recordActivityFacts(NOW.minus(Duration.ofDays(BACKFILL_DAYS)), asOf);
		Set<String> rows = new TreeSet<>();
		facts.byUser().forEach((user, objects) -> objects.forEach((object, activity) -> {
			if (READABLE.contains(object)) {
				rows.add(user + " " + object + " " + activity.lastCreated() + " " + activity.lastModified() + " "
						+ activity.modifiedLast90Days());
			}
		}));
		return rows;
	}

	static Set<String> stored(JobHarness app) {
		return stored(app.jdbc(), "acme");
	}

	static Set<String> stored(org.springframework.jdbc.core.JdbcTemplate jdbc, String profile) {
		Set<String> rows = new TreeSet<>();
		jdbc.query("""
				SELECT user_id, object_name, last_created_at, last_modified_at, modified_90d FROM record_activity
				WHERE profile = ?""", (row) -> {
			rows.add(row.getString(1) + " " + row.getString(2) + " " + instant(row.getObject(3, LocalDateTime.class))
					+ " " + instant(row.getObject(4, LocalDateTime.class)) + " " + row.getInt(5));
		}, profile);
		return rows;
	}

	private static @Nullable Instant instant(@Nullable LocalDateTime time) {
		return (time != null) ? time.toInstant(ZoneOffset.UTC) : null;
	}

}
