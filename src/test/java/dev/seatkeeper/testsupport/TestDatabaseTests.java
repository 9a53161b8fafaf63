package dev.seatkeeper.testsupport;

import static dev.seatkeeper.testsupport.TableAssert.assertThatTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

class TestDatabaseTests {

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void freshDatabasesAreMigratedAndSeparate(TestDatabase database) {
		DataSource first = database.fresh();
		DataSource second = database.fresh();
		JdbcTemplate firstJdbc = new JdbcTemplate(first);
		firstJdbc.execute("CREATE TABLE probe (id INT PRIMARY KEY)");
		firstJdbc.update("INSERT INTO probe VALUES (1)");
		assertThatTable(firstJdbc, "probe").hasRows(1);
		assertThatExceptionOfType(BadSqlGrammarException.class)
			.as("the second database does not see the first one's table")
			.isThrownBy(() -> new JdbcTemplate(second).queryForObject("SELECT COUNT(*) FROM probe", Integer.class));
	}

	/**
	 * A fresh database is a copy of one Flyway migrated: every table (columns, keys, indexes, foreign keys), view,
	 * sequence and row must be what Flyway builds in a database of its own, so no test sees a schema production
	 * would not have.
	 */
	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aFreshDatabaseIsWhatFlywayBuilds(TestDatabase database) {
		DataSource copied = database.fresh();
		DataSource migrated = database.freshByFlyway();

		assertThat(schema(database, copied)).isNotEmpty().isEqualTo(schema(database, migrated));
		assertThatTable(new JdbcTemplate(copied), "v_runs").isEmpty();
		assertThat(history(copied)).hasSizeGreaterThan(20).isEqualTo(history(migrated));
	}

	private static List<String> schema(TestDatabase database, DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		if (database == TestDatabase.H2) {
			// The same statements, in the order of the objects' ids, which differ with the order of creation; each
			// statement's lines sorted, as H2 renders a view's conditions in the order of the text it last parsed.
			List<String> described = new ArrayList<>(jdbc.queryForList("SCRIPT NOPASSWORDS NOSETTINGS", String.class)
				.stream()
				.filter(statement -> !statement.contains("\"flyway_schema_history\" VALUES"))
				.map(statement -> statement.replace(";", "").lines().map(String::strip).sorted().toList().toString())
				.sorted()
				.toList());
			// A view H2 created before its tables is scripted alike but has no columns: its columns tell.
			described.addAll(jdbc.queryForList("SELECT table_name || '.' || column_name || ' ' || data_type"
					+ " FROM information_schema.columns WHERE table_schema = 'public'"
					+ " ORDER BY table_name, ordinal_position", String.class));
			return described;
		}
		String schema = jdbc.queryForObject("SELECT DATABASE()", String.class);
		List<String> described = new ArrayList<>();
		for (var table : jdbc.queryForList("SELECT table_name, table_type FROM information_schema.tables"
				+ " WHERE table_schema = DATABASE() ORDER BY table_name")) {
			String name = (String) table.get("table_name");
			boolean view = "VIEW".equals(table.get("table_type"));
			String created = jdbc.queryForObject("SHOW CREATE " + (view ? "VIEW" : "TABLE") + " `" + name + "`",
					(row, i) -> row.getString(2));
			described.add(created.replace("`" + schema + "`.", "").replaceFirst(" DEFINER=`[^`]*`@`[^`]*`", ""));
			if (!view && !name.equals("flyway_schema_history")) {
				described.add(name + " rows: " + jdbc.queryForList("SELECT * FROM `" + name + "`"));
			}
		}
		return described;
	}

	private static List<String> history(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForList(
				"SELECT version, description, checksum, success FROM flyway_schema_history ORDER BY installed_rank")
			.stream()
			.map(Object::toString)
			.toList();
	}

}
