package dev.seatkeeper.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.seatkeeper.storage.SkippedRecords;
import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which users a night downloads: a sweep until one completed, then changes since the stored stamp, weekly a sweep. */
class UserSyncTests {

	static final Instant NIGHT = Instant.parse("2026-11-27T02:00:00Z");

	static final Instant STAMP = Instant.parse("2026-11-26T17:30:00Z");

	static final Duration WEEK = Duration.ofDays(7);

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aSweepUntilOneCompletedThenChangesSinceTheLatestStampLessAnHour(TestDatabase database) {
		JdbcTemplate jdbc = new JdbcTemplate(database.fresh());
		RunKey first = RunKey.of("acme", NIGHT.toString());
		UserSync.Plan firstPlan = UserSync.plan(jdbc, first, WEEK);
		new UserWriter(jdbc, first, new SkippedRecords(jdbc, first.profile(), 1, "downloadSubscriptions", first.asOfUtc())).write(new Chunk<>(List.of(user("005000000000001AAA", STAMP.minusSeconds(60)),
				user("005000000000002AAA", STAMP))));

		assertThat(firstPlan.sweep()).isTrue();
		assertThat(UserSync.plan(jdbc, first, WEEK).sweep()).as("a download not yet complete plans the same").isTrue();

		UserSync.complete(jdbc, first, firstPlan);
		UserSync.Plan next = UserSync.plan(jdbc, RunKey.of("acme", NIGHT.plus(Duration.ofDays(1)).toString()), WEEK);

		assertThat(next.changedAfter()).isEqualTo(STAMP.minus(UserSync.OVERLAP));
		assertThat(next.filter()).isEqualTo("SystemModstamp > 2026-11-26T16:30:00Z");
		assertThat(UserSync.plan(jdbc, RunKey.of("acme", NIGHT.plus(WEEK).toString()), WEEK).sweep())
			.as("a week after the sweep")
			.isTrue();
		assertThat(UserSync.plan(jdbc, RunKey.of("acme", NIGHT.plus(Duration.ofDays(1)).toString()), Duration.ZERO)
			.sweep()).as("an interval of 0s sweeps every night").isTrue();
		assertThat(UserSync.plan(jdbc, RunKey.of("other", NIGHT.toString()), WEEK).sweep()).as("another profile")
			.isTrue();
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void anIncrementalNightRecordsTheLatestStampButNoSweepAndARerunOfAnOlderNightMovesNothingBack(
			TestDatabase database) {
		JdbcTemplate jdbc = new JdbcTemplate(database.fresh());
		RunKey first = RunKey.of("acme", NIGHT.toString());
		new UserWriter(jdbc, first, new SkippedRecords(jdbc, first.profile(), 1, "downloadSubscriptions", first.asOfUtc())).write(new Chunk<>(List.of(user("005000000000001AAA", STAMP))));
		UserSync.complete(jdbc, first, UserSync.Plan.SWEEP);
		RunKey second = RunKey.of("acme", NIGHT.plus(Duration.ofDays(1)).toString());
		Instant later = STAMP.plus(Duration.ofHours(20));
		new UserWriter(jdbc, second, new SkippedRecords(jdbc, second.profile(), 1, "downloadSubscriptions", second.asOfUtc())).write(new Chunk<>(List.of(user("005000000000001AAA", later))));

		UserSync.complete(jdbc, second, UserSync.plan(jdbc, second, WEEK));
		UserSync.complete(jdbc, RunKey.of("acme", NIGHT.minus(Duration.ofDays(3)).toString()), UserSync.Plan.SWEEP);

		assertThat(UserSync.plan(jdbc, RunKey.of("acme", NIGHT.plus(Duration.ofDays(2)).toString()), WEEK).changedAfter())
			.isEqualTo(later.minus(UserSync.OVERLAP));
		assertThat(UserSync.plan(jdbc, RunKey.of("acme", NIGHT.plus(WEEK).toString()), WEEK).sweep())
			.as("the sweep is still the first night's, not the older rerun's nor the incremental night's")
			.isTrue();
		assertThat(UserSync.plan(jdbc, RunKey.of("acme", NIGHT.plus(WEEK).minusSeconds(1).toString()), WEEK).sweep())
			.isFalse();
	}

	private static SalesforceUser user(String id, Instant stamp) {
		return new SalesforceUser(id, id + "@acme.example", null, null, "Standard", "Sales", "SFDC", true, null,
				NIGHT.minus(Duration.ofDays(400)), stamp, List.of("UserLicense:SFDC"));
	}

}
