package dev.seatkeeper.reconciliation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.profile.Downgrade;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Right-sizing at {@code reconcile}: for each of the profile's downgrades, the active holders of the expensive license
 * who created or edited none of the objects only it allows in the downgrade's threshold, judged from
 * {@code record_activity} on the objects {@code recordActivity} has read (an object never read proves nothing, so a
 * downgrade none of whose objects was read finds no one). Saved per run date, replacing that date's rows, so a
 * restart rewrites the same rows. Thread-safe.
 */
public class RightSizing {

	private static final Logger logger = LoggerFactory.getLogger(RightSizing.class);

	private static final String HOLDERS = """
			SELECT u.user_id, u.username, u.last_login_at FROM subscription s
			JOIN sf_user u ON u.profile = s.profile AND u.user_id = s.user_id
			WHERE s.profile = ? AND s.model_identifier = ? AND s.ended_at IS NULL AND u.is_active = TRUE
			  AND u.removed_at IS NULL
			ORDER BY u.user_id""";

	private final JdbcTemplate jdbc;

	public RightSizing(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Finds and saves the run date's downgrade candidates, priced from the positions just computed. */
	public int save(String profile, LocalDate runDate, Instant asOf, List<Downgrade> downgrades,
			List<LicensePosition> positions) {
		this.jdbc.update("DELETE FROM right_size_candidate WHERE profile = ? AND run_date = ?", profile, runDate);
		Set<String> read = new HashSet<>(this.jdbc.queryForList(
				"SELECT object_name FROM record_activity_watermark WHERE profile = ?", String.class, profile));
		Map<String, Map<String, Instant>> activity = downgrades.isEmpty() ? Map.of() : activity(profile);
		int saved = 0;
		for (Downgrade downgrade : downgrades) {
			List<String> judged = downgrade.requires().stream().filter(read::contains).toList();
			if (judged.isEmpty()) {
				logger.warn("Profile {}: downgrade {} -> {} not judged: recordActivity has read none of {}", profile,
					downgrade.from(), downgrade.to(), downgrade.requires());
				continue;
			}
			Price saving = saving(positions, downgrade);
			Instant since = asOf.minus(Duration.ofDays(downgrade.thresholdDays()));
			for (Holder holder : holders(profile, downgrade.from())) {
				Map<String, Instant> used = activity.getOrDefault(holder.userId(), Map.of());
				boolean needsExpensive = judged.stream()
					.anyMatch((object) -> used.containsKey(object) && !used.get(object).isBefore(since));
				if (!needsExpensive) {
					this.jdbc.update("""
							INSERT INTO right_size_candidate (profile, run_date, user_id, from_model, to_model, username,
							    last_login_at, record_activity, currency, savings_annual)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", profile, runDate, holder.userId(), downgrade.from(),
							downgrade.to(), holder.username(), RunKey.utc(holder.lastLoginAt()), encode(used),
							saving.currency(), saving.annual());
					saved++;
				}
			}
		}
		return saved;
	}

	/** The run date's right-sizing, one entry per downgrade that found candidates, by expensive license. */
	public List<RightSize> load(String profile, LocalDate runDate) {
		List<RightSize> sizes = new ArrayList<>();
		List<String[]> pairs = this.jdbc.query("""
				SELECT DISTINCT from_model, to_model FROM right_size_candidate WHERE profile = ? AND run_date = ?
				ORDER BY from_model, to_model""", (row, index) -> new String[] { row.getString(1), row.getString(2) },
				profile, runDate);
		for (String[] pair : pairs) {
			Downgrade downgrade = new Downgrade(pair[0], pair[1], List.of(), 0, null);
			List<RightSize.User> users = this.jdbc.query("""
					SELECT user_id, username, last_login_at, record_activity, currency, savings_annual
					FROM right_size_candidate WHERE profile = ? AND run_date = ? AND from_model = ? AND to_model = ?
					ORDER BY username, user_id""", (row, index) -> user(row), profile, runDate, downgrade.from(),
					downgrade.to());
			List<String> currencies = this.jdbc.queryForList("""
					SELECT DISTINCT currency FROM right_size_candidate
					WHERE profile = ? AND run_date = ? AND from_model = ? AND to_model = ? AND currency IS NOT NULL""",
					String.class, profile, runDate, downgrade.from(), downgrade.to());
			BigDecimal total = users.stream().map(RightSize.User::savingsAnnual).filter(java.util.Objects::nonNull)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			boolean priced = currencies.size() == 1;
			sizes.add(new RightSize(downgrade.from(), downgrade.to(), users.size(), priced ? currencies.get(0) : null,
					priced ? total : null, users));
		}
		return sizes;
	}

	private record Holder(String userId, String username, @Nullable Instant lastLoginAt) {
	}

	private record Price(@Nullable String currency, @Nullable BigDecimal annual) {
	}

	private List<Holder> holders(String profile, String model) {
		return this.jdbc.query(HOLDERS,
				(row, index) -> new Holder(row.getString(1), row.getString(2), instant(row, "last_login_at")), profile,
				model);
	}

	/** Per user, per object, the latest record created or edited. */
	private Map<String, Map<String, Instant>> activity(String profile) {
		Map<String, Map<String, Instant>> byUser = new TreeMap<>();
		this.jdbc.query("""
				SELECT user_id, object_name, last_created_at, last_modified_at FROM record_activity WHERE profile = ?""",
				(row) -> {
					Instant created = instant(row, "last_created_at");
					Instant modified = instant(row, "last_modified_at");
					Instant last = (created == null || (modified != null && modified.isAfter(created))) ? modified
							: created;
					if (last != null) {
						byUser.computeIfAbsent(row.getString("user_id"), (id) -> new TreeMap<>())
							.put(row.getString("object_name"), last);
					}
				}, profile);
		return byUser;
	}

	/** The annual price difference, when both licenses are priced in one currency. */
	private static Price saving(List<LicensePosition> positions, Downgrade downgrade) {
		LicensePosition.Money from = money(positions, downgrade.from());
		LicensePosition.Money to = money(positions, downgrade.to());
		if (from == null || to == null || !from.currency().equals(to.currency())) {
			return new Price(null, null);
		}
		return new Price(from.currency(), from.unitPriceAnnual().subtract(to.unitPriceAnnual()));
	}

	private static LicensePosition.@Nullable Money money(List<LicensePosition> positions, String model) {
		// An unpriced model's position has no money: findFirst would throw on the null.
		return positions.stream().filter((p) -> p.model().equals(model) && p.money() != null)
			.map(LicensePosition::money).findFirst().orElse(null);
	}

	/** {@code Account=2026-11-20T10:00:00Z;Contact=...}, cut to the column. */
	static @Nullable String encode(Map<String, Instant> used) {
		if (used.isEmpty()) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		for (Map.Entry<String, Instant> entry : used.entrySet()) {
			String item = entry.getKey() + "=" + entry.getValue();
			if (text.length() + item.length() + 1 > 1000) {
				break;
			}
			text.append((text.length() > 0) ? ";" : "").append(item);
		}
		return text.toString();
	}

	static Map<String, Instant> decode(@Nullable String text) {
		Map<String, Instant> used = new LinkedHashMap<>();
		if (text != null && !text.isEmpty()) {
			for (String item : text.split(";")) {
				int equals = item.indexOf('=');
				used.put(item.substring(0, equals), Instant.parse(item.substring(equals + 1)));
			}
		}
		return used;
	}

	private static RightSize.User user(ResultSet row) throws SQLException {
		return new RightSize.User(row.getString("user_id"), row.getString("username"), instant(row, "last_login_at"),
				decode(row.getString("record_activity")), row.getBigDecimal("savings_annual"));
	}

	private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		LocalDateTime value = row.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

}
