package dev.seatkeeper.license;

import java.util.List;
import java.util.Objects;

import dev.seatkeeper.job.RunKey;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts software models keyed by (profile, identifier): a replayed chunk changes nothing, {@code first_seen} keeps
 * the first run that met the model.
 */
public class SoftwareModelWriter implements ItemWriter<SoftwareModel> {

	static final String UPSERT = """
			INSERT INTO software_model (profile, identifier, kind, salesforce_id, label, status, total_licenses,
			    used_licenses, unrecognized, first_seen, last_seen, monthly_logins_entitlement, monthly_logins_used,
			    active_users)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON DUPLICATE KEY UPDATE kind = VALUES(kind), salesforce_id = VALUES(salesforce_id), label = VALUES(label),
			    status = VALUES(status), total_licenses = VALUES(total_licenses), used_licenses = VALUES(used_licenses),
			    unrecognized = VALUES(unrecognized), last_seen = VALUES(last_seen),
			    monthly_logins_entitlement = VALUES(monthly_logins_entitlement),
			    monthly_logins_used = VALUES(monthly_logins_used), active_users = VALUES(active_users)""";

	private final JdbcTemplate jdbc;

	private final RunKey run;

	public SoftwareModelWriter(JdbcTemplate jdbc, RunKey run) {
		this.jdbc = jdbc;
		this.run = run;
	}

	@Override
	public void write(Chunk<? extends SoftwareModel> chunk) {
		upsert(this.jdbc, this.run, chunk.getItems());
	}

	static void upsert(JdbcTemplate jdbc, RunKey run, List<? extends SoftwareModel> models) {
		jdbc.batchUpdate(UPSERT, models, models.size(), (statement, model) -> {
			statement.setString(1, run.profile());
			statement.setString(2, model.identifier());
			statement.setString(3, model.kind().name());
			statement.setString(4, model.salesforceId());
			statement.setString(5, model.label());
			statement.setString(6, model.status());
			statement.setObject(7, model.totalLicenses());
			statement.setObject(8, model.usedLicenses());
			statement.setBoolean(9, model.unrecognized());
			statement.setObject(10, run.asOfUtc());
			statement.setObject(11, run.asOfUtc());
			statement.setObject(12, model.monthlyLoginsEntitlement());
			statement.setObject(13, model.monthlyLoginsUsed());
			statement.setObject(14, model.activeUsers());
		});
	}

	/**
	 * Makes sure models met through assignments exist, without overwriting what the license download wrote:
	 * unknown ones are recorded as unrecognized.
	 */
	public static void ensureExist(JdbcTemplate jdbc, RunKey run, List<String> identifiers) {
		List<String> missing = identifiers.stream()
			.distinct()
			.filter(identifier -> Objects.requireNonNull(jdbc.queryForObject(
					"SELECT COUNT(*) FROM software_model WHERE profile = ? AND identifier = ?", Integer.class,
					run.profile(), identifier), "COUNT(*) always returns a number") == 0)
			.toList();
		if (!missing.isEmpty()) {
			upsert(jdbc, run, missing.stream().map(SoftwareModel::unrecognized).toList());
		}
	}

}
