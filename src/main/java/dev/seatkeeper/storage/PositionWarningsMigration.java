package dev.seatkeeper.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Version 25: {@code position_warning}, the warnings of a run date's position (a rule naming a model the org does not
 * have) that every report format shows beside the figures. utf8mb4 on MySQL and MariaDB whatever the database's
 * default, as every table since version 15; Java, not SQL, because H2 takes no character set.
 */
@Component
public class PositionWarningsMigration extends CodedMigration {

	static final String TABLE = """
			CREATE TABLE position_warning (
			    profile  VARCHAR(64)   NOT NULL,
			    run_date DATE          NOT NULL,
			    ordinal  INT           NOT NULL,
			    message  VARCHAR(1000) NOT NULL,
			    CONSTRAINT pk_position_warning PRIMARY KEY (profile, run_date, ordinal)
			)""";

	public PositionWarningsMigration() {
		super("25", "position warnings", true);
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		boolean mysql = DatabaseProduct.isMySqlFamily(connection);
		try (Statement statement = connection.createStatement()) {
			statement.execute(mysql ? TABLE + " CHARACTER SET utf8mb4" : TABLE);
		}
	}

}
