package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The two database users of README "Database users", created with its GRANT statements on the MySQL-compatible
 * server: the migration user migrates an empty schema; the runtime user (rows only) runs a whole night with start-up
 * validating the schema, and is refused a migration with a message that says what to do.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUsersTests {

	private static final String PASSWORD = "Sk-" + UUID.randomUUID();

	/** The README's grants, with the schema and user names of this test. */
	private static final String MIGRATION_GRANTS = "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES,"
			+ " CREATE VIEW, SHOW VIEW ON %s.* TO %s";

	private static final String RUNTIME_GRANTS = "GRANT SELECT, INSERT, UPDATE, DELETE ON %s.* TO %s";

	private final List<String> users = new java.util.ArrayList<>();

	private final List<String> schemas = new java.util.ArrayList<>();

	private JdbcTemplate admin;

	@AfterEach
	void dropUsersAndSchemas() {
		if (this.admin != null) {
			this.users.forEach((user) -> this.admin.execute("DROP USER IF EXISTS " + user));
			this.schemas.forEach((schema) -> this.admin.execute("DROP DATABASE IF EXISTS " + schema));
		}
	}

	@Test
	void theMigrationUserMigratesAnEmptySchemaAndTheRuntimeUserRunsANightThatOnlyValidatesIt(CapturedOutput output) {
		DriverManagerDataSource root = emptySchema();
		DriverManagerDataSource migration = as(root, user("sk_mig_", MIGRATION_GRANTS, schemaOf(root)));
		flyway(migration, null).migrate();
		DriverManagerDataSource runtime = as(root, user("sk_rt_", RUNTIME_GRANTS, schemaOf(root)));

		try (Sandbox sandbox = Sandbox.builder().users(300).seed(11).loginDays(20).now(NightlyJobTests.NOW).build().start();
				JobHarness app = JobHarness.startOn(runtime, Clock.fixed(NightlyJobTests.NOW, ZoneOffset.UTC),
						validating(TestProfiles.properties(sandbox)))) {
			RunResult result = app.run(TestProfiles.of("acme", sandbox).build(), NightlyJobTests.RUN_DATE);

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
			assertThat(app.count("SELECT COUNT(*) FROM v_runs WHERE profile = 'acme' AND status = 'COMPLETED'")).isEqualTo(1);
			GroundTruth.assertTablesMatch(app.jdbc(), "acme", sandbox);
			assertThat(app.jdbc().queryForObject("SELECT CURRENT_USER()", String.class)).startsWith(runtime.getUsername() + "@");
			// Without the INDEX privilege, the first backfill keeps the login table's user index and says how to speed it up.
			assertThat(output).contains("login_event keeps its user index during the backfill")
				.contains("granting INDEX on login_event to the runtime database user");
		}
	}

	@Test
	void theRuntimeUserIsRefusedAMigrationWithWhatToDo(CapturedOutput output) {
		DriverManagerDataSource root = emptySchema();
		MigrationVersion latest = flyway(root, null).info().all()[flyway(root, null).info().all().length - 1].getVersion();
		flyway(root, previous(root, latest)).migrate();
		int applied = flyway(root, null).info().applied().length;
		DriverManagerDataSource runtime = as(root, user("sk_rt_", RUNTIME_GRANTS, schemaOf(root)));

		// Migrating on start (the default), as the CLI does without the validate setting.
		assertThatThrownBy(() -> JobHarness.startOn(runtime, Clock.systemUTC(), Map.of()).close()).isNotNull();
		assertThat(output).contains("The database user may not change the schema, so the pending migrations were not applied")
			.contains("command denied")
			.contains("`seatkeeper migrate` with its credentials");
		JdbcTemplate schema = new JdbcTemplate(root);
		assertThat(schema.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1", Integer.class))
			.as("nothing was migrated").isEqualTo(applied);
		assertThat(output).contains("DELETE FROM flyway_schema_history WHERE success = 0");

		// Validating on start, as the nightly pods do: the failed attempt, then, once removed, the pending migration.
		assertThatThrownBy(() -> JobHarness.startOn(runtime, Clock.systemUTC(), validating(Map.of())).close()).isNotNull();
		assertThat(output).contains("The migration to version " + latest + " failed earlier");
		schema.update("DELETE FROM flyway_schema_history WHERE success = 0");
		assertThatThrownBy(() -> JobHarness.startOn(runtime, Clock.systemUTC(), validating(Map.of())).close()).isNotNull();
		assertThat(output).contains("The database schema is at version")
			.contains("this release needs " + latest + " (1 migrations pending)")
			.contains("Apply the migrations with the migration user");

		// Then the migration user migrates, and the runtime user starts.
		DriverManagerDataSource migration = as(root, user("sk_mig_", MIGRATION_GRANTS, schemaOf(root)));
		assertThat(flyway(migration, null).migrate().migrationsExecuted).isEqualTo(1);
		try (JobHarness app = JobHarness.startOn(runtime, Clock.systemUTC(), validating(Map.of()))) {
			assertThat(app.jdbc().queryForObject("SELECT CURRENT_USER()", String.class)).startsWith(runtime.getUsername() + "@");
		}
	}

	private static Map<String, Object> validating(Map<String, Object> properties) {
		Map<String, Object> all = new HashMap<>(properties);
		all.put("seatkeeper.database.schema-on-start", "validate");
		return all;
	}

	private static MigrationVersion previous(DriverManagerDataSource root, MigrationVersion latest) {
		var all = flyway(root, null).info().all();
		return all[all.length - 2].getVersion();
	}

	/** A new empty schema on the server, created as the test's (root) user. */
	private DriverManagerDataSource emptySchema() {
		DriverManagerDataSource migrated = (DriverManagerDataSource) TestDatabase.SERVER.fresh();
		this.admin = new JdbcTemplate(migrated);
		String schema = "sk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		this.admin.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
		this.schemas.add(schema);
		return new DriverManagerDataSource(migrated.getUrl().replace("/" + schemaOf(migrated) + "?", "/" + schema + "?"),
				migrated.getUsername(), migrated.getPassword());
	}

	private String user(String prefix, String grants, String schema) {
		String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String user = "'" + name + "'@'%'";
		this.admin.execute("CREATE USER " + user + " IDENTIFIED BY '" + PASSWORD + "'");
		this.users.add(user);
		this.admin.execute(grants.formatted(schema, user));
		return name;
	}

	private static DriverManagerDataSource as(DriverManagerDataSource root, String user) {
		return new DriverManagerDataSource(root.getUrl(), user, PASSWORD);
	}

	private static String schemaOf(DriverManagerDataSource dataSource) {
		String url = dataSource.getUrl();
		int query = url.indexOf('?');
		String path = url.substring(0, (query < 0) ? url.length() : query);
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static Flyway flyway(DriverManagerDataSource dataSource, MigrationVersion target) {
		var configuration = Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/mysql")
			.javaMigrations(TestDatabase.javaMigrations());
		if (target != null) {
			configuration.target(target);
		}
		return configuration.load();
	}

}
