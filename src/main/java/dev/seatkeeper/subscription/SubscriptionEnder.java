package dev.seatkeeper.subscription;

import dev.seatkeeper.job.RunKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After a complete download, what this run did not see is gone from Salesforce: subscriptions are ended and users
 * marked removed, never deleted, so history and audit stay intact. Runs only after the download steps completed,
 * so a partial download never ends anything. On a night that downloaded only changed users ({@link UserSync}),
 * only assignments are judged here (they are downloaded whole every night); users and the subscriptions of their
 * own records wait for the next sweep. Then records the download as complete for the next night's plan.
 */
public class SubscriptionEnder implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(SubscriptionEnder.class);

	private final JdbcTemplate jdbc;

	private final RunKey run;

	private final UserSync.Plan plan;

	SubscriptionEnder(JdbcTemplate jdbc, RunKey run, UserSync.Plan plan) {
		this.jdbc = jdbc;
		this.run = run;
		this.plan = plan;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String which = this.plan.sweep() ? "" : " AND assignment_id IS NOT NULL";
		int ended = this.jdbc.update(
				"UPDATE subscription SET ended_at = ? WHERE profile = ? AND ended_at IS NULL AND last_seen < ?" + which,
				this.run.asOfUtc(), this.run.profile(), this.run.asOfUtc());
		int removed = !this.plan.sweep() ? 0 : this.jdbc.update(
				"UPDATE sf_user SET removed_at = ? WHERE profile = ? AND removed_at IS NULL AND last_seen < ?",
				this.run.asOfUtc(), this.run.profile(), this.run.asOfUtc());
		UserSync.complete(this.jdbc, this.run, this.plan);
		contribution.incrementWriteCount(ended + removed);
		logger.info("Profile {}: ended {} subscriptions no longer in Salesforce, {} users removed{}", this.run.profile(),
				ended, removed, this.plan.sweep() ? "" : " (users changed since " + this.plan.changedAfter()
						+ " downloaded; removals are found by the next full sweep)");
		return RepeatStatus.FINISHED;
	}

}
