package dev.seatkeeper.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * One database migrated by Flyway per test JVM, copied into every fresh database instead of migrating each one again:
 * a fresh server schema cost about four seconds of Flyway on the CI machine, a copy a fraction of that. What a copy
 * holds is what Flyway built, statement for statement ({@code TestDatabaseTests} compares the two); the migrations
 * themselves still run from scratch in {@code SchemaMigrationTests}, {@code DatabaseUsersTests} and every application
 * start's validation.
 *
 * <p>Thread-safe: the template is built once, under a lock; copies only read it.
 */
final class MigratedTemplate {

	private static final Pattern H2_VIEW = Pattern.compile("CREATE (?:FORCE )?VIEW (\"[^\"]+\"\\.\"[^\"]+\")");

	/** The statements that rebuild the migrated database: tables, then the views, in an order that creates them. */
	private final List<String> statements;

	private MigratedTemplate(List<String> statements) {
		this.statements = statements;
	}

	/**
	 * H2's own dump of the migrated database ({@code SCRIPT}): tables, sequences, constraints, views and rows, without
	 * the user and the settings a fresh in-memory database already has. The dump may create a view (with
	 * {@code FORCE}) before the tables it reads, which would leave it invalid: the views come last, each after the
	 * views it reads.
	 */
	static MigratedTemplate ofH2(DataSource migrated) {
		List<String> statements = new ArrayList<>();
		Map<String, String> views = new LinkedHashMap<>();
		try (Connection connection = migrated.getConnection(); Statement statement = connection.createStatement();
				ResultSet script = statement.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
			while (script.next()) {
				String line = script.getString(1);
				if (!line.startsWith("CREATE USER") && !line.startsWith("--")) {
					// Without the terminator, which H2 would otherwise keep in a view's stored query.
					String sql = line.endsWith(";") ? line.substring(0, line.length() - 1) : line;
					Matcher view = H2_VIEW.matcher(sql);
					if (view.lookingAt()) {
						views.put(view.group(1), sql);
					}
					else {
						statements.add(sql);
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not script the migrated H2 template", ex);
		}
		while (!views.isEmpty()) {
			String next = views.keySet().stream()
				.filter(name -> views.entrySet().stream()
					.noneMatch(other -> !other.getKey().equals(name) && views.get(name).contains(other.getKey())))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("Views that read each other: " + views.keySet()));
			statements.add(views.remove(next));
		}
		return new MigratedTemplate(List.copyOf(statements));
	}

	/**
	 * The server's {@code SHOW CREATE} of every table (foreign keys included, checked only once all exist) and view of
	 * the migrated schema, and the copy of the rows it holds (Flyway's history, Spring Batch's sequence rows).
	 */
	static MigratedTemplate ofServer(DataSource migrated, String schema) {
		List<String> statements = new ArrayList<>();
		statements.add("SET FOREIGN_KEY_CHECKS = 0");
		List<String> views = new ArrayList<>();
		try (Connection connection = migrated.getConnection(); Statement statement = connection.createStatement()) {
			List<String[]> tables = new ArrayList<>();
			try (ResultSet listing = statement.executeQuery("SELECT table_name, table_type FROM information_schema.tables"
					+ " WHERE table_schema = '" + schema + "' ORDER BY table_name")) {
				while (listing.next()) {
					tables.add(new String[] { listing.getString(1), listing.getString(2) });
				}
			}
			for (String[] table : tables) {
				String name = table[0];
				if ("VIEW".equals(table[1])) {
					views.add(withoutSchemaAndDefiner(showCreate(statement, "VIEW", name), schema));
				}
				else if ("BASE TABLE".equals(table[1])) {
					statements.add(showCreate(statement, "TABLE", name));
					if (hasRows(statement, name)) {
						statements.add("INSERT INTO `" + name + "` SELECT * FROM `" + schema + "`.`" + name + "`");
					}
				}
				else {
					throw new IllegalStateException("The template cannot copy " + name + ", a " + table[1]);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the migrated server template " + schema, ex);
		}
		statements.add("SET FOREIGN_KEY_CHECKS = 1");
		statements.addAll(inCreatableOrder(migrated, views));
		return new MigratedTemplate(List.copyOf(statements));
	}

	/** Rebuilds the migrated database in {@code target}, an empty database. */
	void copyInto(DataSource target) {
		try (Connection connection = target.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : this.statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not copy the migrated template", ex);
		}
	}

	private static String showCreate(Statement statement, String kind, String name) throws SQLException {
		try (ResultSet created = statement.executeQuery("SHOW CREATE " + kind + " `" + name + "`")) {
			created.next();
			return created.getString(2);
		}
	}

	private static boolean hasRows(Statement statement, String table) throws SQLException {
		try (ResultSet rows = statement.executeQuery("SELECT 1 FROM `" + table + "` LIMIT 1")) {
			return rows.next();
		}
	}

	private static String withoutSchemaAndDefiner(String createView, String schema) {
		return createView.replace("`" + schema + "`.", "").replaceFirst(" DEFINER=`[^`]*`@`[^`]*`", "");
	}

	/**
	 * The views in an order in which each one's views already exist: found once by creating them in a scratch schema
	 * of the template's connection, then dropped.
	 */
	private static List<String> inCreatableOrder(DataSource migrated, List<String> views) {
		List<String> ordered = new ArrayList<>();
		List<String> remaining = new ArrayList<>(views);
		try (Connection connection = migrated.getConnection(); Statement statement = connection.createStatement()) {
			String scratch = "sk_tmpl_order_" + Long.toHexString(System.nanoTime());
			statement.execute("CREATE DATABASE " + scratch);
			try {
				// A view is checked against the tables at creation: the scratch schema gets them, without rows.
				try (ResultSet listing = statement.executeQuery("SELECT DATABASE()")) {
					listing.next();
					String template = listing.getString(1);
					List<String> tables = new ArrayList<>();
					try (ResultSet names = statement.executeQuery("SELECT table_name FROM information_schema.tables"
							+ " WHERE table_schema = '" + template + "' AND table_type = 'BASE TABLE'")) {
						while (names.next()) {
							tables.add(names.getString(1));
						}
					}
					for (String table : tables) {
						statement.execute("CREATE TABLE " + scratch + ".`" + table + "` LIKE `" + table + "`");
					}
				}
				statement.execute("USE " + scratch);
				while (!remaining.isEmpty()) {
					int before = remaining.size();
					for (var iterator = remaining.iterator(); iterator.hasNext();) {
						String view = iterator.next();
						try {
							statement.execute(view);
							ordered.add(view);
							iterator.remove();
						}
						catch (SQLException notYet) {
							// It reads a view not created yet: the next pass.
						}
					}
					if (remaining.size() == before) {
						throw new IllegalStateException("Views that cannot be created in any order: " + remaining);
					}
				}
			}
			finally {
				statement.execute("DROP DATABASE " + scratch);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not order the template's views", ex);
		}
		return ordered;
	}

}
