package dev.seatkeeper.usage;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.job.RunKey;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * When {@code recordActivity} completes: users who modified nothing of an object in the last 90 days get a count of
 * 0 (their rows were not counted by this run), and each object read moves its watermark to the run's as-of instant,
 * never backwards. Both are idempotent, so a restart that completes the step again changes nothing. A stopped or
 * failed step moves nothing: the next run reads the same range again. Thread-safe.
 */
class RecordActivityCompletion implements StepExecutionListener {

	private final JdbcTemplate jdbc;

	private final String profile;

	private final Instant asOf;

	private final List<String> objects;

	RecordActivityCompletion(JdbcTemplate jdbc, String profile, Instant asOf, List<String> objects) {
		this.jdbc = jdbc;
		this.profile = profile;
		this.asOf = asOf;
		this.objects = objects;
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		if (stepExecution.getStatus() != BatchStatus.COMPLETED || stepExecution.getExitStatus().getExitCode()
			.equals(ExitStatus.STOPPED.getExitCode())) {
			return null;
		}
		LocalDateTime asOfTime = RunKey.utc(this.asOf);
		this.jdbc.update("""
				UPDATE record_activity SET modified_90d = 0, counted_at = ?
				WHERE profile = ? AND (counted_at IS NULL OR counted_at < ?)""", asOfTime, this.profile, asOfTime);
		for (String object : this.objects) {
			int moved = this.jdbc.update("""
					UPDATE record_activity_watermark SET watermark_time = ?
					WHERE profile = ? AND object_name = ? AND watermark_time < ?""", asOfTime, this.profile, object,
					asOfTime);
			if (moved == 0) {
				this.jdbc.update("""
						INSERT INTO record_activity_watermark (profile, object_name, watermark_time) VALUES (?, ?, ?)
						ON DUPLICATE KEY UPDATE profile = profile""", this.profile, object, asOfTime);
			}
		}
		return null;
	}

	/** Each object's watermark for the profile. */
	static Map<String, Instant> watermarks(JdbcTemplate jdbc, String profile) {
		Map<String, Instant> watermarks = new HashMap<>();
		jdbc.query("SELECT object_name, watermark_time FROM record_activity_watermark WHERE profile = ?",
				(row) -> {
					watermarks.put(row.getString(1), row.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC));
				}, profile);
		return watermarks;
	}

}
