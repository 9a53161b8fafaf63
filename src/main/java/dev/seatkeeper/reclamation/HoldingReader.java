package dev.seatkeeper.reclamation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The holdings rules apply to, read from what the run downloaded: current subscriptions of active users that are
 * still in the org, with their last login and the last successful login in the history.
 */
public class HoldingReader {

	/** Holdings after a (user, model) key, in key order: one page. */
	private static final String HOLDINGS = """
			SELECT s.user_id, s.model_identifier, u.username, u.email, u.user_type, u.profile_name, u.created_at,
			    u.last_login_at, a.last_successful_login_in_history
			FROM subscription s
			JOIN sf_user u ON u.profile = s.profile AND u.user_id = s.user_id
			LEFT JOIN user_activity a ON a.profile = s.profile AND a.user_id = s.user_id
			WHERE s.profile = ? AND s.ended_at IS NULL AND u.is_active = TRUE AND u.removed_at IS NULL
			  AND (s.user_id > ? OR (s.user_id = ? AND s.model_identifier > ?))
			ORDER BY s.user_id, s.model_identifier
			LIMIT ?""";

	static final int PAGE = 5_000;

	private final JdbcTemplate jdbc;

	public HoldingReader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every holding of the profile in (user, model) order, read a page at a time as the caller iterates, so a rules
	 * run holds one page in memory however large the org.
	 */
	public Iterable<Holding> holdings(String profile) {
		return () -> new Iterator<>() {

			private Iterator<Holding> page = Collections.emptyIterator();

			private @Nullable Holding last;

			private boolean exhausted;

			@Override
			public boolean hasNext() {
				if (!this.page.hasNext() && !this.exhausted) {
					List<Holding> next = page(profile, this.last);
					this.exhausted = next.size() < PAGE;
					this.page = next.iterator();
				}
				return this.page.hasNext();
			}

			@Override
			public Holding next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				this.last = this.page.next();
				return this.last;
			}

		};
	}

	private List<Holding> page(String profile, @Nullable Holding after) {
		String user = (after != null) ? after.userId() : "";
		String model = (after != null) ? after.model() : "";
		return this.jdbc.query(HOLDINGS, (row, index) -> holding(row), profile, user, user, model, PAGE);
	}

	/** Active users still in the org: what {@code maxShareOfActiveUsers} is a share of. */
	public int activeUsers(String profile) {
		Integer count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM sf_user WHERE profile = ? AND is_active = TRUE AND removed_at IS NULL", Integer.class,
				profile);
		return (count != null) ? count : 0;
	}

	private static Holding holding(ResultSet row) throws SQLException {
		return new Holding(row.getString("user_id"), row.getString("username"), row.getString("email"),
				row.getString("user_type"), row.getString("profile_name"), instant(row, "created_at"),
				instant(row, "last_login_at"), instant(row, "last_successful_login_in_history"),
				row.getString("model_identifier"));
	}

	private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		LocalDateTime value = row.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

}
