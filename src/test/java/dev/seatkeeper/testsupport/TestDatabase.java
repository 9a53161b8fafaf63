package dev.seatkeeper.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.seatkeeper.storage.SpringBatchSchemaMigration;
import dev.seatkeeper.storage.PositionWarningsMigration;
import dev.seatkeeper.storage.SkippedRecordsMigration;
import dev.seatkeeper.storage.Utf16ColumnsMigration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The databases every database test runs on: the embedded H2 default (MySQL mode) and a real MySQL-compatible
 * server. The server comes from {@code SEATKEEPER_TEST_DB_URL} (CI starts MariaDB), else from Testcontainers MySQL 8
 * when Docker is available; otherwise server tests are skipped with the reason, unless
 * {@code SEATKEEPER_REQUIRE_SERVER_DB=true} (set by CI) turns the skip into a failure.
 *
 * <p>Each {@link #fresh()} call gives a new, empty, migrated database (a new schema on the server), so tests never
 * see each other's rows.
 */
public enum TestDatabase {

	H2, SERVER;

	private static final List<String> createdSchemas = new ArrayList<>();

	private static volatile ServerLocation server;

	/** Both databases, for {@code @ParameterizedTest @MethodSource}. */
	public static Stream<TestDatabase> all() {
		return Stream.of(H2, SERVER);
	}

	/**
	 * The embedded database only, for {@code @ParameterizedTest @MethodSource} of a whole-job test whose subject is not
	 * the database (how the Salesforce client copes with faults and limits, mail, OAuth, Salesforce's answers to
	 * writes): what such a run stores is stored by the same writers that the ground-truth, storage and restart tests
	 * prove on both databases.
	 */
	public static Stream<TestDatabase> embedded() {
		return Stream.of(H2);
	}

	private static volatile MigratedTemplate h2Template;

	private static volatile MigratedTemplate serverTemplate;

	/**
	 * A new empty database of this kind, migrated: a copy of the one database this JVM migrated with Flyway
	 * ({@link MigratedTemplate}), which is what Flyway would build, faster.
	 */
	public DataSource fresh() {
		DataSource dataSource = (this == H2) ? h2() : serverSchema();
		template().copyInto(dataSource);
		return dataSource;
	}

	/** A new empty database of this kind migrated by Flyway itself, for the test that compares it with a copy. */
	DataSource freshByFlyway() {
		DataSource dataSource = (this == H2) ? h2() : serverSchema();
		migrate(dataSource);
		return dataSource;
	}

	private MigratedTemplate template() {
		if (this == H2) {
			if (h2Template == null) {
				synchronized (TestDatabase.class) {
					if (h2Template == null) {
						h2Template = MigratedTemplate.ofH2(freshByFlyway());
					}
				}
			}
			return h2Template;
		}
		if (serverTemplate == null) {
			synchronized (TestDatabase.class) {
				if (serverTemplate == null) {
					DriverManagerDataSource migrated = (DriverManagerDataSource) freshByFlyway();
					serverTemplate = MigratedTemplate.ofServer(migrated, schemaOf(migrated));
				}
			}
		}
		return serverTemplate;
	}

	private static String schemaOf(DriverManagerDataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForObject("SELECT DATABASE()", String.class);
	}

	/** The migrations written in Java, which the application registers as beans; tests that drive Flyway need them. */
	public static JavaMigration[] javaMigrations() {
		return new JavaMigration[] { new SpringBatchSchemaMigration(), new SkippedRecordsMigration(),
				new Utf16ColumnsMigration(), new PositionWarningsMigration() };
	}

	private void migrate(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor())
			.javaMigrations(javaMigrations())
			.load()
			.migrate();
	}

	/**
	 * A fresh, migrated database that other processes can open at the same time (the job in a child JVM while the
	 * test reads): an H2 file database in mixed mode, or a new schema on the server.
	 */
	public DriverManagerDataSource freshShared(Path directory) {
		DriverManagerDataSource dataSource = (this == H2)
				? new DriverManagerDataSource("jdbc:h2:file:" + directory.resolve("seatkeeper").toAbsolutePath()
						+ ";AUTO_SERVER=TRUE;DB_CLOSE_DELAY=-1;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE",
						"sa", "")
				: (DriverManagerDataSource) serverSchema();
		template().copyInto(dataSource);
		return dataSource;
	}

	/**
	 * Closes a database from {@link #freshShared}: an H2 file database stays open in this JVM (its writer thread still
	 * touching the files) until shut down, which would race the deletion of the test's directory.
	 */
	public static void closeShared(DriverManagerDataSource dataSource) {
		if (dataSource.getUrl() != null && dataSource.getUrl().startsWith("jdbc:h2:file:")) {
			new JdbcTemplate(dataSource).execute("SHUTDOWN");
		}
	}

	/** Flyway's vendor folder name for this database. */
	public String vendor() {
		return (this == H2) ? "h2" : "mysql";
	}

	private static DataSource h2() {
		return new DriverManagerDataSource("jdbc:h2:mem:test-" + UUID.randomUUID()
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
				"sa", "");
	}

	/**
	 * A fresh, migrated schema on the server created with another default character set ({@code latin1},
	 * {@code utf8mb3}), as a server whose defaults were never changed would create the production database.
	 */
	public static DriverManagerDataSource freshServerSchema(String characterSet) {
		DriverManagerDataSource dataSource = serverSchema("CHARACTER SET " + characterSet);
		SERVER.migrate(dataSource);
		return dataSource;
	}

	private static DataSource serverSchema() {
		return serverSchema("CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
	}

	private static DriverManagerDataSource serverSchema(String options) {
		ServerLocation location = server();
		String schema = "sk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (Connection connection = DriverManager.getConnection(location.adminUrl(), location.user(), location.password());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + schema + " " + options);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test schema on " + location.adminUrl(), ex);
		}
		synchronized (createdSchemas) {
			createdSchemas.add(schema);
		}
		return new DriverManagerDataSource(location.urlFor(schema), location.user(), location.password());
	}

	private static ServerLocation server() {
		if (server == null) {
			synchronized (TestDatabase.class) {
				if (server == null) {
					server = locateServer();
					Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreatedSchemas));
				}
			}
		}
		return server;
	}

	private static ServerLocation locateServer() {
		String url = System.getenv("SEATKEEPER_TEST_DB_URL");
		if (url != null && !url.isBlank()) {
			return ServerLocation.parse(url, env("SEATKEEPER_TEST_DB_USER", "root"), env("SEATKEEPER_TEST_DB_PASSWORD", ""));
		}
		ServerLocation container = Containers.startMySqlIfDockerAvailable();
		if (container != null) {
			return container;
		}
		String reason = "No MySQL-compatible server: set SEATKEEPER_TEST_DB_URL (e.g. jdbc:mysql://127.0.0.1:3306/seatkeeper_test)"
				+ " or make Docker available for Testcontainers";
		if (Boolean.parseBoolean(env("SEATKEEPER_REQUIRE_SERVER_DB", "false"))) {
			throw new IllegalStateException(reason + " (SEATKEEPER_REQUIRE_SERVER_DB=true forbids skipping)");
		}
		Assumptions.abort(reason);
		return null;
	}

	private static void dropCreatedSchemas() {
		ServerLocation location = server;
		try (Connection connection = DriverManager.getConnection(location.adminUrl(), location.user(), location.password());
				Statement statement = connection.createStatement()) {
			synchronized (createdSchemas) {
				for (String schema : createdSchemas) {
					statement.execute("DROP DATABASE IF EXISTS " + schema);
				}
			}
		}
		catch (SQLException ex) {
			// The server may already be gone at JVM exit; CI starts from a fresh database anyway.
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	/** Where the server is and how to reach one schema on it. */
	record ServerLocation(String base, String query, String user, String password) {

		static ServerLocation parse(String url, String user, String password) {
			String lower = url.toLowerCase(Locale.ROOT);
			if (!lower.startsWith("jdbc:mysql://") && !lower.startsWith("jdbc:mariadb://")) {
				throw new IllegalArgumentException("SEATKEEPER_TEST_DB_URL must be a jdbc:mysql:// URL, got " + url);
			}
			int queryStart = url.indexOf('?');
			String withoutQuery = (queryStart < 0) ? url : url.substring(0, queryStart);
			String query = (queryStart < 0) ? "" : url.substring(queryStart + 1);
			int pathStart = withoutQuery.indexOf('/', "jdbc:mysql://".length());
			String base = (pathStart < 0) ? withoutQuery : withoutQuery.substring(0, pathStart);
			return new ServerLocation(base, query, user, password);
		}

		String adminUrl() {
			return base + "/" + withQuery();
		}

		String urlFor(String schema) {
			return base + "/" + schema + withQuery();
		}

		private String withQuery() {
			String defaults = "rewriteBatchedStatements=true&useSSL=false&allowPublicKeyRetrieval=true";
			return "?" + (query.isEmpty() ? defaults : query + "&" + defaults);
		}

	}

}
