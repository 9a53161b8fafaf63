package dev.seatkeeper.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The MySQL-compatible server the benchmark's jobs write to: a fresh database per scenario, and what the job
 * repository says about a run (steps with counts and times, the login pages each window needed).
 */
final class BenchDatabase {

	static final String PROFILE = "bench";

	private final String serverUrl;

	private final String database;

	BenchDatabase(String serverUrl, String database) {
		this.serverUrl = serverUrl.replaceAll("/+$", "");
		this.database = database;
	}

	/** The URL the job connects with. */
	String jobUrl() {
		return this.serverUrl + "/" + this.database + "?rewriteBatchedStatements=true";
	}

	/** The server's version and the settings that decide how fast it takes millions of rows. */
	static String describeServer(String serverUrl) throws SQLException {
		try (Connection connection = DriverManager.getConnection(serverUrl.replaceAll("/+$", "") + "/", "root", "");
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT VERSION(), @@innodb_buffer_pool_size, "
						+ "@@innodb_flush_log_at_trx_commit")) {
			row.next();
			return "%s, innodb_buffer_pool_size %,d MB, innodb_flush_log_at_trx_commit %s".formatted(row.getString(1),
					row.getLong(2) >> 20, row.getString(3));
		}
	}

	void recreate() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.serverUrl + "/", "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.database);
			statement.execute("CREATE DATABASE " + this.database);
		}
	}

	void drop() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.serverUrl + "/", "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.database);
		}
	}

	/** recordActivity's aggregate pages asked and needed, from its exit description; {0, 0} without the step. */
	long[] recordActivityPages() throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("""
						SELECT EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'recordActivity'
						  AND JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)""")) {
			java.util.regex.Matcher figures = java.util.regex.Pattern.compile("(\\d+) pages asked, (\\d+) needed")
				.matcher(row.next() ? String.valueOf(row.getString(1)) : "");
			return figures.find() ? new long[] { Long.parseLong(figures.group(1)), Long.parseLong(figures.group(2)) }
					: new long[] { 0, 0 };
		}
	}

	/** The steps of the latest job execution, partitions left out, in the order they ran. */
	List<StepFigures> steps() throws SQLException {
		List<StepFigures> steps = new ArrayList<>();
		try (Connection connection = connect();
				PreparedStatement statement = connection.prepareStatement("""
						SELECT STEP_NAME, READ_COUNT, WRITE_COUNT, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION
						WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)
						  AND STEP_NAME NOT LIKE '%:%' ORDER BY STEP_EXECUTION_ID""");
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				steps.add(new StepFigures(rows.getString(1), rows.getLong(2), rows.getLong(3),
						between(rows.getTimestamp(4), rows.getTimestamp(5))));
			}
		}
		return steps;
	}

	/** One page per 2,000 login events of each window the latest execution paged, at least one per window. */
	long loginPages() throws SQLException {
		long pages = 0;
		for (Number read : column("""
				SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'pullActivityWindow:%'
				  AND JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)""")) {
			pages += Pages.of(read.longValue());
		}
		return pages;
	}

	String exitMessage() throws SQLException {
		List<Object> messages = columnObjects("""
				SELECT CONCAT(STATUS, ' ', COALESCE(SUBSTRING_INDEX(LEFT(EXIT_MESSAGE, 200), '\n', 1), '')) FROM BATCH_JOB_EXECUTION
				WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)""");
		return messages.isEmpty() ? "no job execution" : String.valueOf(messages.get(0));
	}

	/** Active users the job stored, for the second night's logins. */
	List<String> activeUserIds() throws SQLException {
		List<String> ids = new ArrayList<>();
		for (Object id : columnObjects("SELECT user_id FROM sf_user WHERE profile = '" + PROFILE
				+ "' AND is_active ORDER BY user_id")) {
			ids.add((String) id);
		}
		return ids;
	}

	Instant loginWatermark() throws SQLException {
		List<Object> times = columnObjects("SELECT login_watermark_time FROM profile_state WHERE profile = '" + PROFILE + "'");
		Object time = times.get(0);
		return (time instanceof java.time.LocalDateTime local) ? local.toInstant(java.time.ZoneOffset.UTC)
				: ((Timestamp) time).toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
	}

	long count(String table) throws SQLException {
		return column("SELECT COUNT(*) FROM " + table + " WHERE profile = '" + PROFILE + "'").get(0).longValue();
	}

	private List<Number> column(String sql) throws SQLException {
		List<Number> values = new ArrayList<>();
		columnObjects(sql).forEach(value -> values.add((Number) value));
		return values;
	}

	private List<Object> columnObjects(String sql) throws SQLException {
		List<Object> values = new ArrayList<>();
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getObject(1));
			}
		}
		return values;
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.serverUrl + "/" + this.database, "root", "");
	}

	private static Duration between(Timestamp start, Timestamp end) {
		return (start == null || end == null) ? Duration.ZERO
				: Duration.between(start.toInstant(), end.toInstant());
	}

	/** One step of a run as the job repository recorded it. */
	record StepFigures(String name, long read, long written, Duration elapsed) {
	}

}
