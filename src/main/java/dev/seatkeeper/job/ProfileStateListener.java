package dev.seatkeeper.job;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records each profile's last run (date and how it ended) in {@code profile_state}, beside its login watermark, so
 * operators see a profile's state in one row whatever the job repository holds.
 */
public class ProfileStateListener implements JobExecutionListener {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	public ProfileStateListener(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void afterJob(JobExecution execution) {
		String profile = execution.getJobParameters().getString(RunParameters.PROFILE);
		LocalDate runDate = execution.getJobParameters().getLocalDate(RunParameters.RUN_DATE);
		this.jdbc.update("""
				INSERT INTO profile_state (profile, last_run_date, last_run_status, updated_at) VALUES (?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE last_run_date = VALUES(last_run_date), last_run_status = VALUES(last_run_status),
				    updated_at = VALUES(updated_at)""", profile, runDate, execution.getStatus().name(),
				LocalDateTime.now(this.clock.withZone(ZoneOffset.UTC)));
	}

}
