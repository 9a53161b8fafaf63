package dev.seatkeeper.activity;

import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.storage.MultiRowInsert;
import dev.seatkeeper.storage.SkippedRecords;
import dev.seatkeeper.storage.StorableRows;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts login events keyed by (profile, Id) in multi-row statements; a chunk replayed after a crash changes
 * nothing. An event that cannot be stored is skipped ({@link StorableRows}): the user's activity still counts its
 * LastLoginDate. One instance per partition's step execution.
 */
public class LoginEventWriter implements ItemWriter<LoginEvent> {

	private final StorableRows<LoginEvent> rows;

	public LoginEventWriter(JdbcTemplate jdbc, String profile, SkippedRecords skipped) {
		MultiRowInsert<LoginEvent> upsert = new MultiRowInsert<>(jdbc,
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
		this.rows = new StorableRows<>(upsert::execute, LoginEvent::id, LoginEvent::unstorable, skipped);
	}

	@Override
	public void write(Chunk<? extends LoginEvent> chunk) {
		this.rows.store(chunk.getItems());
	}

}
