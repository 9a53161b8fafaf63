package dev.seatkeeper.activity;

import java.util.List;

import dev.seatkeeper.job.RunKey;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/** Upserts login events keyed by (profile, Id); a chunk replayed after a crash changes nothing. Thread-safe. */
public class LoginEventWriter implements ItemWriter<LoginEvent> {

	private static final String UPSERT = """
			INSERT INTO login_event (profile, event_id, user_id, login_time, status, login_type, application)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON DUPLICATE KEY UPDATE user_id = VALUES(user_id), login_time = VALUES(login_time), status = VALUES(status),
			    login_type = VALUES(login_type), application = VALUES(application)""";

	private final JdbcTemplate jdbc;

	private final String profile;

	public LoginEventWriter(JdbcTemplate jdbc, String profile) {
		this.jdbc = jdbc;
		this.profile = profile;
	}

	@Override
	public void write(Chunk<? extends LoginEvent> chunk) {
		List<? extends LoginEvent> events = chunk.getItems();
		this.jdbc.batchUpdate(UPSERT, events, events.size(), (statement, event) -> {
			statement.setString(1, this.profile);
			statement.setString(2, event.id());
			statement.setString(3, event.userId());
			statement.setObject(4, RunKey.utc(event.loginTime()));
			statement.setString(5, event.status());
			statement.setString(6, event.loginType());
			statement.setString(7, event.application());
		});
	}

}
