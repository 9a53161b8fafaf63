package dev.seatkeeper.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Version 24: on H2, the columns that hold Salesforce's text twice as wide. MySQL's {@code VARCHAR(n)} holds n
 * characters; H2's holds n UTF-16 units, in which an emoji or a rarer CJK character counts two, so H2 refused a
 * 255-character profile name with emoji that MySQL stored. Twice as wide on H2, every column holds as many characters
 * as on MySQL, and {@link FieldLimits} decides alone, in characters, what is stored on both. Key columns stay: the
 * identifiers in them are bounded so that they fit either way. Nothing changes on MySQL or MariaDB.
 */
@Component
public class Utf16ColumnsMigration extends CodedMigration {

	/** Table, then its columns with their width on MySQL. */
	static final Map<String, Map<String, Integer>> COLUMNS = Map.of("sf_user",
			Map.of("username", 255, "email", 255, "full_name", 255, "user_type", 64, "profile_name", 255,
					"user_license_key", 128),
			"login_event", Map.of("status", 128, "login_type", 64, "application", 255), "software_model",
			Map.of("label", 255, "status", 32), "license_position", Map.of("label", 255), "consumption", Map.of("metric", 190),
			"consumption_position", Map.of("metric", 190));

	public Utf16ColumnsMigration() {
		super("24", "H2 columns as wide in characters as on MySQL", true);
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			for (Map.Entry<String, Map<String, Integer>> table : COLUMNS.entrySet()) {
				for (Map.Entry<String, Integer> column : table.getValue().entrySet()) {
					statement.execute("ALTER TABLE " + table.getKey() + " ALTER COLUMN " + column.getKey()
							+ " SET DATA TYPE VARCHAR(" + (2 * column.getValue()) + ")");
				}
			}
		}
	}

}
