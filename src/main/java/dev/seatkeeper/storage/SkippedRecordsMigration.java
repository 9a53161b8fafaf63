package dev.seatkeeper.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Version 15: every table in utf8mb4, the {@code skipped_record} table, and {@code v_runs} counting a run's skipped
 * records. The tables were created in the database's default character set, so on a server whose default is latin1
 * {@code Zoë} came back as {@code ZoÃ«} and on utf8mb3 an emoji failed the night. On MySQL and MariaDB the database
 * default becomes utf8mb4 (for tables later migrations create) and every table of the schema that holds text in
 * another character set, Spring Batch's included, is converted — found from the catalog, not from a list, so tables
 * other migrations added are converted too. H2 stores Unicode already. Java, not SQL, because the conversion is
 * MySQL-only and the table list is the schema's own.
 */
@Component
public class SkippedRecordsMigration extends CodedMigration {

	private static final Logger logger = LoggerFactory.getLogger(SkippedRecordsMigration.class);

	private static final List<String> PORTABLE = List.of("""
			CREATE TABLE skipped_record (
			    id               BIGINT        NOT NULL AUTO_INCREMENT,
			    profile          VARCHAR(64)   NOT NULL,
			    job_execution_id BIGINT        NOT NULL,
			    step_name        VARCHAR(100)  NOT NULL,
			    salesforce_id    VARCHAR(18)   NULL,
			    field            VARCHAR(100)  NULL,
			    reason           VARCHAR(1000) NOT NULL,
			    skipped_at       DATETIME      NOT NULL,
			    CONSTRAINT pk_skipped_record PRIMARY KEY (id)
			)""", "CREATE INDEX ix_skipped_record_execution ON skipped_record (job_execution_id)",
			"CREATE INDEX ix_skipped_record_profile ON skipped_record (profile, skipped_at)", """
			CREATE OR REPLACE VIEW v_runs AS
			SELECT e.JOB_EXECUTION_ID AS execution_id,
			       e.JOB_INSTANCE_ID  AS instance_id,
			       p.PARAMETER_VALUE  AS profile,
			       d.PARAMETER_VALUE  AS run_date,
			       e.STATUS           AS status,
			       e.EXIT_CODE        AS exit_code,
			       e.START_TIME       AS started_at,
			       e.END_TIME         AS ended_at,
			       TIMESTAMPDIFF(SECOND, e.START_TIME, e.END_TIME) AS duration_seconds,
			       (SELECT COALESCE(SUM(s.READ_COUNT), 0) FROM BATCH_STEP_EXECUTION s
			         WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME NOT LIKE '%:%') AS read_count,
			       (SELECT COALESCE(SUM(s.WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION s
			         WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME NOT LIKE '%:%') AS write_count,
			       (SELECT COALESCE(SUM(s.READ_SKIP_COUNT + s.WRITE_SKIP_COUNT + s.PROCESS_SKIP_COUNT), 0) FROM BATCH_STEP_EXECUTION s
			         WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND s.STEP_NAME NOT LIKE '%:%') AS skip_count,
			       e.EXIT_MESSAGE     AS exit_message,
			       (SELECT COUNT(*) FROM skipped_record k WHERE k.job_execution_id = e.JOB_EXECUTION_ID) AS skipped_records
			FROM BATCH_JOB_EXECUTION e
			LEFT JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'profile'
			LEFT JOIN BATCH_JOB_EXECUTION_PARAMS d ON d.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND d.PARAMETER_NAME = 'runDate'""");

	public SkippedRecordsMigration() {
		super("15", "utf8mb4 tables and skipped records", false);
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
		if (DatabaseProduct.isMySqlFamily(connection)) {
			convertToUtf8mb4(jdbc, context.getConfiguration().getTable());
		}
		PORTABLE.forEach(jdbc::execute);
	}

	private static void convertToUtf8mb4(JdbcTemplate jdbc, String flywayTable) {
		try {
			jdbc.execute("ALTER DATABASE CHARACTER SET utf8mb4");
		}
		catch (RuntimeException ex) {
			logger.warn("Could not make utf8mb4 the database's default character set ({}); tables are converted, "
					+ "but create the database with CHARACTER SET utf8mb4 for tables added later", ex.getMessage());
		}
		List<String> tables = jdbc.queryForList("""
				SELECT t.TABLE_NAME FROM information_schema.TABLES t
				WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE' AND t.TABLE_NAME <> ?
				  AND (t.TABLE_COLLATION NOT LIKE 'utf8mb4%' OR EXISTS (SELECT 1 FROM information_schema.COLUMNS c
				       WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
				         AND c.CHARACTER_SET_NAME IS NOT NULL AND c.CHARACTER_SET_NAME <> 'utf8mb4'))
				ORDER BY t.TABLE_NAME""", String.class, flywayTable);
		if (tables.isEmpty()) {
			return;
		}
		// MariaDB refuses to change a column a foreign key uses even with the checks off: the keys are dropped, the
		// tables converted, and the keys made again as they were.
		List<ForeignKey> keys = foreignKeys(jdbc);
		jdbc.execute("SET FOREIGN_KEY_CHECKS = 0");
		try {
			keys.forEach(key -> jdbc.execute("ALTER TABLE " + quote(key.table()) + " DROP FOREIGN KEY " + quote(key.name())));
			for (String table : tables) {
				jdbc.execute("ALTER TABLE " + quote(table) + " CONVERT TO CHARACTER SET utf8mb4");
			}
			keys.forEach(key -> jdbc.execute(key.addStatement()));
		}
		finally {
			jdbc.execute("SET FOREIGN_KEY_CHECKS = 1");
		}
		logger.info("Converted {} tables to utf8mb4: {}", tables.size(), tables);
	}

	private static List<ForeignKey> foreignKeys(JdbcTemplate jdbc) {
		Map<String, ForeignKey> keys = new LinkedHashMap<>();
		jdbc.query("""
				SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,
				       r.UPDATE_RULE, r.DELETE_RULE
				FROM information_schema.KEY_COLUMN_USAGE k
				JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA
				     AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
				WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
				ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION""", (ResultSet row) -> {
			ForeignKey key = keys.computeIfAbsent(row.getString(1) + "." + row.getString(2),
					id -> new ForeignKey(uncheckedString(row, 1), uncheckedString(row, 2), new ArrayList<>(),
							uncheckedString(row, 4), new ArrayList<>(), uncheckedString(row, 6), uncheckedString(row, 7)));
			key.columns().add(row.getString(3));
			key.referencedColumns().add(row.getString(5));
		});
		return List.copyOf(keys.values());
	}

	private static String uncheckedString(ResultSet row, int column) {
		try {
			return row.getString(column);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String quote(String identifier) {
		return "`" + identifier.replace("`", "``") + "`";
	}

	private record ForeignKey(String table, String name, List<String> columns, String referencedTable,
			List<String> referencedColumns, String updateRule, String deleteRule) {

		String addStatement() {
			return "ALTER TABLE " + quote(this.table) + " ADD CONSTRAINT " + quote(this.name) + " FOREIGN KEY ("
					+ String.join(", ", this.columns.stream().map(SkippedRecordsMigration::quote).toList())
					+ ") REFERENCES " + quote(this.referencedTable) + " ("
					+ String.join(", ", this.referencedColumns.stream().map(SkippedRecordsMigration::quote).toList())
					+ ") ON UPDATE " + this.updateRule + " ON DELETE " + this.deleteRule;
		}

	}

}
