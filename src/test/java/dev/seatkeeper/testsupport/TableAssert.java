package dev.seatkeeper.testsupport;

import java.util.Arrays;

import org.assertj.core.api.AbstractAssert;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * AssertJ assertions on what a table holds, read when asserted: {@code assertThatTable(jdbc, "subscription")
 * .where("ended_at IS NULL").hasRows(42)}. A failure names the table, the condition and both counts.
 */
public final class TableAssert extends AbstractAssert<TableAssert, String> {

	private final JdbcTemplate jdbc;

	private final String where;

	private final Object[] arguments;

	private TableAssert(JdbcTemplate jdbc, String table, String where, Object[] arguments) {
		super(table, TableAssert.class);
		this.jdbc = jdbc;
		this.where = where;
		this.arguments = arguments;
	}

	public static TableAssert assertThatTable(JdbcTemplate jdbc, String table) {
		return new TableAssert(jdbc, table, "", new Object[0]);
	}

	/** Only the rows matching an SQL condition, with {@code ?} arguments. */
	public TableAssert where(String condition, Object... values) {
		return new TableAssert(this.jdbc, this.actual, " WHERE " + condition, values);
	}

	public TableAssert hasRows(long expected) {
		isNotNull();
		long rows = rows();
		if (rows != expected) {
			failWithMessage("Expected table %s%s to hold %d rows but it held %d%s", this.actual, this.where, expected,
					rows, describedArguments());
		}
		return this;
	}

	public TableAssert isEmpty() {
		return hasRows(0);
	}

	public TableAssert isNotEmpty() {
		isNotNull();
		if (rows() == 0) {
			failWithMessage("Expected table %s%s to hold rows but it held none%s", this.actual, this.where,
					describedArguments());
		}
		return this;
	}

	private long rows() {
		Long rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + this.actual + this.where, Long.class,
				this.arguments);
		return (rows != null) ? rows : 0;
	}

	private String describedArguments() {
		return (this.arguments.length == 0) ? "" : " (arguments " + Arrays.toString(this.arguments) + ")";
	}

}
