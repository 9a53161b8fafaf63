package dev.seatkeeper.activity;

import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.storage.MultiRowInsert;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts login events keyed by (profile, Id) in multi-row statements; a chunk replayed after a crash changes
 * nothing. Thread-safe.
 */
public class LoginEventWriter implements ItemWriter<LoginEvent> {

	private final MultiRowInsert<LoginEvent> upsert;

	public LoginEventWriter(JdbcTemplate jdbc, String profile) {
		this.upsert = new MultiRowInsert<>(jdbc,
				"INSERT INTO login_event (profile, event_id, user_id, login_time, status, login_type, application)", """
						ON DUPLICATE KEY UPDATE user_id = VALUES(user_id), login_time = VALUES(login_time),
						    status = VALUES(status), login_type = VALUES(login_type), application = VALUES(application)""",
				7, (event, row) -> row.text(profile)
					.text(event.id())
					.text(event.userId())
					.time(RunKey.utc(event.loginTime()))
					.text(event.status())
					.text(event.loginType())
					.text(event.application()));
	}

	@Override
	public void write(Chunk<? extends LoginEvent> chunk) {
		this.upsert.execute(chunk.getItems());
	}

}
