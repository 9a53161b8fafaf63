package dev.seatkeeper.usage;

import java.time.Instant;
import java.time.LocalDateTime;

import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.storage.MultiRowInsert;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts one row per (user, object): a create or edit instant replaces the stored one only when later, and a
 * counting group sets the 90-day count with the run's as-of instant. A chunk replayed after a crash changes nothing.
 * Thread-safe.
 */
class RecordActivityWriter implements ItemWriter<UserObjectActivity> {

	private final MultiRowInsert<UserObjectActivity> upsert;

	RecordActivityWriter(JdbcTemplate jdbc, String profile, Instant asOf) {
		LocalDateTime countedAt = RunKey.utc(asOf);
		this.upsert = new MultiRowInsert<>(jdbc, """
				INSERT INTO record_activity (profile, user_id, object_name, last_created_at, last_modified_at,
				    modified_90d, counted_at)""", """
				ON DUPLICATE KEY UPDATE
				    last_created_at = CASE WHEN VALUES(last_created_at) IS NULL THEN last_created_at
				        WHEN last_created_at IS NULL OR last_created_at < VALUES(last_created_at)
				        THEN VALUES(last_created_at) ELSE last_created_at END,
				    last_modified_at = CASE WHEN VALUES(last_modified_at) IS NULL THEN last_modified_at
				        WHEN last_modified_at IS NULL OR last_modified_at < VALUES(last_modified_at)
				        THEN VALUES(last_modified_at) ELSE last_modified_at END,
				    modified_90d = CASE WHEN VALUES(counted_at) IS NULL THEN modified_90d ELSE VALUES(modified_90d) END,
				    counted_at = COALESCE(VALUES(counted_at), counted_at)""", 7, (activity, row) -> {
					boolean created = activity.kind() == ActivityQuery.Kind.CREATED;
					Integer count = activity.modified90Days();
					row.text(profile)
						.text(activity.userId())
						.text(activity.object())
						.time(created ? RunKey.utc(activity.latest()) : null)
						.time(created ? null : RunKey.utc(activity.latest()))
						.number((count != null) ? count : 0)
						.time((count != null) ? countedAt : null);
				});
	}

	@Override
	public void write(Chunk<? extends UserObjectActivity> chunk) {
		this.upsert.execute(chunk.getItems());
	}

}
