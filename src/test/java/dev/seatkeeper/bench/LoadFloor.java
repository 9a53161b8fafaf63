package dev.seatkeeper.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The floor a night's login backfill is measured against (issue 16): the same login rows, written by the benchmark
 * to a file in the order the job received them, loaded with {@code LOAD DATA LOCAL INFILE} into an empty copy of the
 * login table with the same primary key and indexes. It is the fastest way this server takes those rows; the night
 * does everything else besides.
 */
final class LoadFloor {

	private static final String COLUMNS = "profile, event_id, user_id, login_time, status, login_type, application";

	private LoadFloor() {
	}

	/** Rows loaded and the load's wall time. */
	record Figures(long rows, Duration load) {

		double seconds() {
			return this.load.toMillis() / 1000.0;
		}

	}

	static Figures measure(String serverUrl, String database, Path workDir) throws SQLException, IOException {
		Path file = workDir.resolve("login_event.tsv");
		String url = serverUrl.replaceAll("/+$", "") + "/" + database + "?allowLoadLocalInfile=true";
		try (Connection connection = DriverManager.getConnection(url, "root", "");
				Statement statement = connection.createStatement()) {
			long rows = export(connection, file);
			statement.execute("DROP TABLE IF EXISTS login_event_floor");
			statement.execute("CREATE TABLE login_event_floor LIKE login_event");
			long started = System.nanoTime();
			statement.execute("LOAD DATA LOCAL INFILE '" + file.toAbsolutePath().toString().replace("'", "''")
					+ "' INTO TABLE login_event_floor CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\'"
					+ " LINES TERMINATED BY '\\n' (" + COLUMNS + ")");
			Duration load = Duration.ofNanos(System.nanoTime() - started);
			statement.execute("DROP TABLE login_event_floor");
			return new Figures(rows, load);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** The night's login rows in login time order, the order LoginHistory pages bring them. */
	private static long export(Connection connection, Path file) throws SQLException, IOException {
		long rows = 0;
		try (Statement select = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
				BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			select.setFetchSize(Integer.MIN_VALUE);
			try (ResultSet row = select.executeQuery("SELECT " + COLUMNS + " FROM login_event ORDER BY login_time")) {
				while (row.next()) {
					for (int column = 1; column <= 7; column++) {
						if (column > 1) {
							out.write('\t');
						}
						out.write(field(row.getString(column)));
					}
					out.write('\n');
					rows++;
				}
			}
		}
		return rows;
	}

	private static String field(String value) {
		if (value == null) {
			return "\\N";
		}
		return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
	}

}
