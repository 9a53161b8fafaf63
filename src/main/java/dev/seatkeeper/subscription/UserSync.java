package dev.seatkeeper.subscription;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.salesforce.Soql;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which users a night downloads. Every user on a sweep night (the first night, then once the last sweep is
 * {@code sweepInterval} old); on the nights between, only the users whose {@code SystemModstamp} is later than the
 * latest stamp stored by the last complete download, less an hour (Salesforce may stamp a change a little after it commits it). Stamps are
 * Salesforce's clock, so this machine's clock plays no part. A user who logs in is not changed by that: the login
 * reaches Seatkeeper through the login history.
 *
 * <p>Only a sweep sees every user, so only a sweep can tell that a user is gone. The plan is read from state that
 * moves only when a night's download is complete ({@link #complete}), so a restarted night makes the same plan.
 */
final class UserSync {

	static final Duration OVERLAP = Duration.ofHours(1);

	private UserSync() {
	}

	/** All users ({@code changedAfter} null), or those changed after an instant. */
	record Plan(@Nullable Instant changedAfter) {

		static final Plan SWEEP = new Plan(null);

		boolean sweep() {
			return this.changedAfter == null;
		}

		/** The SOQL condition on {@code User}, or {@code null} for all users. */
		@Nullable String filter() {
			return (this.changedAfter != null) ? "SystemModstamp > " + Soql.literal(this.changedAfter) : null;
		}

	}

	static Plan plan(JdbcTemplate jdbc, RunKey run, Duration sweepInterval) {
		List<StoredState> states = jdbc.query("SELECT users_swept_at, users_modstamp FROM profile_state WHERE profile = ?",
				(rs, row) -> new StoredState(instant(rs.getObject("users_swept_at", LocalDateTime.class)),
						instant(rs.getObject("users_modstamp", LocalDateTime.class))),
				run.profile());
		StoredState state = states.isEmpty() ? new StoredState(null, null) : states.get(0);
		if (sweepInterval.isZero() || state.sweptAt() == null || state.latestStamp() == null
				|| !run.asOf().isBefore(state.sweptAt().plus(sweepInterval))) {
			return Plan.SWEEP;
		}
		return new Plan(state.latestStamp().minus(OVERLAP));
	}

	/**
	 * After a complete download, in its transaction: the latest stamp now stored becomes the next night's starting
	 * point, and a sweep is recorded. Neither moves back (a rerun of an older night).
	 */
	static void complete(JdbcTemplate jdbc, RunKey run, Plan plan) {
		LocalDateTime asOf = run.asOfUtc();
		jdbc.update("""
				INSERT INTO profile_state (profile, updated_at) VALUES (?, ?)
				ON DUPLICATE KEY UPDATE profile = profile""", run.profile(), asOf);
		LocalDateTime latest = jdbc.queryForObject("SELECT MAX(system_modstamp) FROM sf_user WHERE profile = ?",
				LocalDateTime.class, run.profile());
		if (latest != null) {
			jdbc.update("""
					UPDATE profile_state SET users_modstamp = ?
					WHERE profile = ? AND (users_modstamp IS NULL OR users_modstamp < ?)""", latest, run.profile(), latest);
		}
		if (plan.sweep()) {
			jdbc.update("""
					UPDATE profile_state SET users_swept_at = ?
					WHERE profile = ? AND (users_swept_at IS NULL OR users_swept_at < ?)""", asOf, run.profile(), asOf);
		}
	}

	private static @Nullable Instant instant(@Nullable LocalDateTime time) {
		return (time != null) ? time.toInstant(ZoneOffset.UTC) : null;
	}

	private record StoredState(@Nullable Instant sweptAt, @Nullable Instant latestStamp) {
	}

}
