package dev.seatkeeper.activity;

import java.time.Duration;

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
 * one transaction with the watermark, so it is as restartable as any chunk.
 */
public class ActivitySummarizer implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(ActivitySummarizer.class);

	private static final String SUMMARY = """
			INSERT INTO user_activity (profile, user_id, last_login_at, last_successful_login_in_history, logins_30d,
			    logins_90d, computed_at)
			SELECT u.profile, u.user_id, u.last_login_at,
			    (SELECT MAX(e.login_time) FROM login_event e
			      WHERE e.profile = u.profile AND e.user_id = u.user_id AND e.status = 'Success' AND e.login_time <= ?),
			    (SELECT COUNT(*) FROM login_event e
			      WHERE e.profile = u.profile AND e.user_id = u.user_id AND e.status = 'Success'
			        AND e.login_time > ? AND e.login_time <= ?),
			    (SELECT COUNT(*) FROM login_event e
			      WHERE e.profile = u.profile AND e.user_id = u.user_id AND e.status = 'Success'
			        AND e.login_time > ? AND e.login_time <= ?),
			    ?
			FROM sf_user u WHERE u.profile = ? AND u.removed_at IS NULL
			ON DUPLICATE KEY UPDATE last_login_at = VALUES(last_login_at),
			    last_successful_login_in_history = VALUES(last_successful_login_in_history),
			    logins_30d = VALUES(logins_30d), logins_90d = VALUES(logins_90d), computed_at = VALUES(computed_at)""";

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
		this.jdbc.update(SUMMARY, asOf, days30, asOf, days90, asOf, asOf, this.run.profile());
		// Not the update count: MySQL counts an upsert that changed a row twice.
		Integer users = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM sf_user WHERE profile = ? AND removed_at IS NULL", Integer.class, this.run.profile());
		new LoginWatermark(this.jdbc).advance(this.run.profile(), this.run.asOf());
		contribution.incrementWriteCount(users);
		logger.info("Profile {}: activity summarised for {} users; login watermark now {}", this.run.profile(), users,
				this.run.asOf());
		return RepeatStatus.FINISHED;
	}

}
