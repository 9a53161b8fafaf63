package dev.seatkeeper.activity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

import dev.seatkeeper.job.RunKey;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The instant up to which a profile's login history is complete. It survives across nightly job instances (it is
 * profile state, not step state): each night fetches logins after it, and a successful pull moves it to that run's
 * as-of instant. It never moves backwards, so rerunning an older run date cannot cause a refetch storm.
 */
public class LoginWatermark {

	private final JdbcTemplate jdbc;

	public LoginWatermark(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Instant> current(String profile) {
		return this.jdbc.queryForList("SELECT login_watermark_time FROM profile_state WHERE profile = ?",
				LocalDateTime.class, profile)
			.stream()
			.filter(Objects::nonNull)
			.findFirst()
			.map(time -> time.toInstant(ZoneOffset.UTC));
	}

	void advance(String profile, Instant to) {
		LocalDateTime time = RunKey.utc(to);
		int updated = this.jdbc.update("""
				UPDATE profile_state SET login_watermark_time = ?, updated_at = ?
				WHERE profile = ? AND (login_watermark_time IS NULL OR login_watermark_time < ?)""", time, time, profile,
				time);
		if (updated == 0) {
			this.jdbc.update("""
					INSERT INTO profile_state (profile, login_watermark_time, updated_at) VALUES (?, ?, ?)
					ON DUPLICATE KEY UPDATE profile = profile""", profile, time, time);
		}
	}

}
