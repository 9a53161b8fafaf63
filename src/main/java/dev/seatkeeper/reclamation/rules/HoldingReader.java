package dev.seatkeeper.reclamation.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The holdings rules apply to, read from what the run downloaded: current subscriptions of users that are still in
 * the org (active users only, unless a rule looks at deactivated users' seats), with their last login and the last
 * successful login in the history.
 */
public class HoldingReader {

	/** The next page of users that can hold anything: active and still in the org, in Id order. */
	private static final String USERS = """
			SELECT user_id FROM sf_user
			WHERE profile = ? AND user_id > ? AND is_active = TRUE AND removed_at IS NULL
			ORDER BY user_id
			LIMIT ?""";

	/** The next page of users still in the org, active or not: for rules on deactivated users' seats. */
	private static final String ALL_USERS = """
			SELECT user_id FROM sf_user
			WHERE profile = ? AND user_id > ? AND removed_at IS NULL
			ORDER BY user_id
			LIMIT ?""";

	/**
	 * The holdings of the users from one page, in (user, model) order. Bounded by the page's first and last user:
	 * with only a lower bound MariaDB joins and sorts every remaining holding for each page (a second at the start
	 * of 150,000 holdings, so half a minute for a 100,000-user org).
	 */
	private static final String HOLDINGS = """
			SELECT s.user_id, s.model_identifier, u.username, u.email, u.user_type, u.profile_name, u.created_at,
			    u.last_login_at, a.last_successful_login_in_history, u.is_active
			FROM subscription s
			JOIN sf_user u ON u.profile = s.profile AND u.user_id = s.user_id
			LEFT JOIN user_activity a ON a.profile = s.profile AND a.user_id = s.user_id
			WHERE s.profile = ? AND s.ended_at IS NULL AND u.is_active IN (TRUE, ?) AND u.removed_at IS NULL
			  AND s.user_id >= ? AND s.user_id <= ?
			ORDER BY s.user_id, s.model_identifier""";

	/** Users a page: their holdings (a few each) are what one page holds in memory. */
	static final int PAGE = 5_000;

	/** The record activity of the page's users: what rules on use judge by. */
	private static final String RECORD_ACTIVITY = """
			SELECT user_id, object_name, last_created_at, last_modified_at FROM record_activity
			WHERE profile = ? AND user_id >= ? AND user_id <= ?""";

	private final JdbcTemplate jdbc;

	/** Per license (model identifier), the objects whose use it is for ({@code activity.records.objects}). */
	private final Map<String, List<String>> objectsByLicense;

	/** Per license, the objects a downgrade rule's downgrade from it requires. */
	private final Map<String, List<String>> downgradeObjects;

	public HoldingReader(JdbcTemplate jdbc) {
		this(jdbc, Map.of());
	}

	public HoldingReader(JdbcTemplate jdbc, Map<String, List<String>> objectsByLicense) {
		this(jdbc, objectsByLicense, Map.of());
	}

	public HoldingReader(JdbcTemplate jdbc, Map<String, List<String>> objectsByLicense,
			Map<String, List<String>> downgradeObjects) {
		this.jdbc = jdbc;
		this.objectsByLicense = Map.copyOf(objectsByLicense);
		this.downgradeObjects = Map.copyOf(downgradeObjects);
	}

	/**
	 * Every holding of the profile in (user, model) order, read a page of users at a time as the caller iterates,
	 * so a rules run holds one page in memory however large the org.
	 */
	public Iterable<Holding> holdings(String profile) {
		return holdings(profile, false);
	}

	/** As {@link #holdings(String)}, with deactivated users' holdings too when {@code withInactiveUsers}. */
	public Iterable<Holding> holdings(String profile, boolean withInactiveUsers) {
		String users = withInactiveUsers ? ALL_USERS : USERS;
		Map<String, List<String>> readObjects = readObjects(profile, this.objectsByLicense);
		Map<String, List<String>> readDowngradeObjects = readObjects(profile, this.downgradeObjects);
		return () -> new Iterator<>() {

			private Iterator<Holding> page = Collections.emptyIterator();

			private String lastUser = "";

			private boolean exhausted;

			@Override
			public boolean hasNext() {
				while (!this.page.hasNext() && !this.exhausted) {
					List<String> page = jdbc.queryForList(users, String.class, profile, this.lastUser, PAGE);
					this.exhausted = page.size() < PAGE;
					if (!page.isEmpty()) {
						List<Holding> holdings = jdbc.query(HOLDINGS, (row, index) -> holding(row), profile,
								!withInactiveUsers, page.get(0), page.get(page.size() - 1));
						this.page = withUse(holdings, readObjects, readDowngradeObjects, profile, page.get(0),
								page.get(page.size() - 1))
							.iterator();
						this.lastUser = page.get(page.size() - 1);
					}
				}
				return this.page.hasNext();
			}

			@Override
			public Holding next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return this.page.next();
			}

		};
	}

	/**
	 * Per license, its objects that {@code recordActivity} has read for this profile (a watermark says so): use on an
	 * object never read is unknown, not absent.
	 */
	private Map<String, List<String>> readObjects(String profile, Map<String, List<String>> objectsByLicense) {
		if (objectsByLicense.isEmpty()) {
			return Map.of();
		}
		Set<String> read = new HashSet<>(this.jdbc.queryForList(
				"SELECT object_name FROM record_activity_watermark WHERE profile = ?", String.class, profile));
		Map<String, List<String>> objects = new HashMap<>();
		objectsByLicense.forEach((license, names) -> objects.put(license,
				names.stream().filter(read::contains).sorted().toList()));
		return objects;
	}

	private List<Holding> withUse(List<Holding> holdings, Map<String, List<String>> readObjects,
			Map<String, List<String>> readDowngradeObjects, String profile, String firstUser, String lastUser) {
		if (readObjects.values().stream().allMatch(List::isEmpty)
				&& readDowngradeObjects.values().stream().allMatch(List::isEmpty)) {
			return holdings;
		}
		Map<String, Map<String, Instant>> byUser = new HashMap<>();
		this.jdbc.query(RECORD_ACTIVITY, (row) -> {
			Instant created = instant(row, "last_created_at");
			Instant modified = instant(row, "last_modified_at");
			Instant last = (created == null || (modified != null && modified.isAfter(created))) ? modified : created;
			if (last != null) {
				byUser.computeIfAbsent(row.getString("user_id"), (id) -> new HashMap<>())
					.put(row.getString("object_name"), last);
			}
		}, profile, firstUser, lastUser);
		List<Holding> withUse = new ArrayList<>(holdings.size());
		for (Holding holding : holdings) {
			Map<String, Instant> touched = byUser.getOrDefault(holding.userId(), Map.of());
			RecordUse use = use(readObjects.getOrDefault(holding.model(), List.of()), touched);
			RecordUse downgradeUse = use(readDowngradeObjects.getOrDefault(holding.model(), List.of()), touched);
			withUse.add(holding.withUse(use).withDowngradeUse(downgradeUse));
		}
		return withUse;
	}

	/** The user's activity on the given objects (read ones only); not read when there are none. */
	private static RecordUse use(List<String> objects, Map<String, Instant> touched) {
		if (objects.isEmpty()) {
			return RecordUse.NOT_READ;
		}
		Map<String, Instant> used = new HashMap<>(touched);
		used.keySet().retainAll(objects);
		return new RecordUse(objects, used);
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
				row.getString("model_identifier"), row.getBoolean("is_active"));
	}

	private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		LocalDateTime value = row.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

}
