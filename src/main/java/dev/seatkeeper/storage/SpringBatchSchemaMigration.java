package dev.seatkeeper.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Creates Spring Batch's job repository tables from the schema script shipped in the spring-batch-core jar, so
 * Flyway owns every table and the Batch tables always match the Batch version on the classpath. MySQL 8 and MariaDB
 * (through mysql-connector-j, which reports "MySQL") take {@code schema-mysql.sql}; the embedded H2 default takes
 * {@code schema-h2.sql}, whose sequences are what Batch's H2 incrementers expect.
 */
@Component
public class SpringBatchSchemaMigration extends CodedMigration {

	public SpringBatchSchemaMigration() {
		super("2", "Spring Batch job repository", false);
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		String script = "org/springframework/batch/core/schema-" + vendor(connection) + ".sql";
		new ResourceDatabasePopulator(new ClassPathResource(script))
			.execute(new SingleConnectionDataSource(connection, true));
	}

	static String vendor(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		if (product.contains("h2")) {
			return "h2";
		}
		if (product.contains("mysql") || product.contains("mariadb")) {
			return "mysql";
		}
		throw new IllegalStateException("Unsupported database for the job repository: " + product
				+ " (use MySQL 8, MariaDB, or the embedded H2 default)");
	}

}
