package dev.seatkeeper.activity;

import java.time.Duration;
import java.util.Objects;

import dev.seatkeeper.job.RunKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Computes each user's activity as of the run: Salesforce's LastLoginDate, the latest successful login in the
 * history (which can be later than LastLoginDate), and successful logins in the last 30 and 90 days. Then moves the
 * profile's login watermark to the run's as-of instant, so the next night fetches only newer logins. Done in SQL, in
 * one transaction with the watermark, so it is as restartable as any chunk. A user whose figures did not change
 * keeps its row as it was ({@code computed_at} says when the figures last changed): rewriting 100,000 unchanged
 * rows cost a second night about a second.
 */
public class ActivitySummarizer implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(ActivitySummarizer.class);

	/**
	 * One grouped pass over the profile's successful logins, joined to its users. Not a correlated sub-query per
	 * user: right after the backfill the server's statistics still say login_event is empty, and MariaDB then plans
	 * those sub-queries as full scans (minutes for a few thousand users instead of seconds).
	 */
	private static final String SUMMARY = """
			INSERT INTO user_activity (profile, user_id, last_login_at, last_successful_login_in_history, logins_30d,
			    logins_90d, computed_at)
			SELECT u.profile, u.user_id, u.last_login_at, s.last_success, COALESCE(s.logins_30d, 0),
			    COALESCE(s.logins_90d, 0), ?
			FROM sf_user u LEFT JOIN (
			    SELECT e.user_id, MAX(e.login_time) AS last_success,
			        SUM(CASE WHEN e.login_time > ? THEN 1 ELSE 0 END) AS logins_30d,
			        SUM(CASE WHEN e.login_time > ? THEN 1 ELSE 0 END) AS logins_90d
			    FROM login_event e
			    WHERE e.profile = ? AND e.status = 'Success' AND e.login_time <= ?
			    GROUP BY e.user_id) s ON s.user_id = u.user_id
			WHERE u.profile = ? AND u.removed_at IS NULL
			ON DUPLICATE KEY UPDATE
			    computed_at = CASE WHEN COALESCE(user_activity.last_login_at, TIMESTAMP '1970-01-01 00:00:00')
			            = COALESCE(VALUES(last_login_at), TIMESTAMP '1970-01-01 00:00:00')
			        AND COALESCE(user_activity.last_successful_login_in_history, TIMESTAMP '1970-01-01 00:00:00')
			            = COALESCE(VALUES(last_successful_login_in_history), TIMESTAMP '1970-01-01 00:00:00')
			        AND user_activity.logins_30d = VALUES(logins_30d) AND user_activity.logins_90d = VALUES(logins_90d)
			        THEN user_activity.computed_at ELSE VALUES(computed_at) END,
			    last_login_at = VALUES(last_login_at),
			    last_successful_login_in_history = VALUES(last_successful_login_in_history),
			    logins_30d = VALUES(logins_30d), logins_90d = VALUES(logins_90d)""";

	private final JdbcTemplate jdbc;

	private final RunKey run;

	public ActivitySummarizer(JdbcTemplate jdbc, RunKey run) {
		this.jdbc = jdbc;
		this.run = run;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var asOf = this.run.asOfUtc();
		var days30 = RunKey.utc(this.run.asOf().minus(Duration.ofDays(30)));
		var days90 = RunKey.utc(this.run.asOf().minus(Duration.ofDays(90)));
		this.jdbc.update(SUMMARY, asOf, days30, days90, this.run.profile(), asOf, this.run.profile());
		// Not the update count: MySQL counts an upsert that changed a row twice and one that changed nothing not at
		// all. Every user still in the org was summarised.
		long users = Objects.requireNonNull(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM sf_user WHERE profile = ? AND removed_at IS NULL", Long.class, this.run.profile()),
				"COUNT(*) always returns a number");
		new LoginWatermark(this.jdbc).advance(this.run.profile(), this.run.asOf());
		contribution.incrementWriteCount(users);
		logger.info("Profile {}: activity summarised for {} users; login watermark now {}", this.run.profile(), users,
				this.run.asOf());
		return RepeatStatus.FINISHED;
	}

}
