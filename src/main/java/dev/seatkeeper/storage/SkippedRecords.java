package dev.seatkeeper.storage;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records a downloaded record that could not be stored in {@code skipped_record} (profile, job execution, step,
 * Salesforce Id, field, reason) and logs a warning, so one bad record is skipped instead of failing the night. The
 * row is written in the chunk's transaction: a chunk rolled back and replayed records its skips once. One instance
 * per step execution; not thread-safe.
 */
public final class SkippedRecords {

	private static final Logger logger = LoggerFactory.getLogger(SkippedRecords.class);

	/** MySQL's "data too long", "incorrect string value", "incorrect datetime value", "out of range" errors. */
	private static final Set<Integer> DATA_ERRORS = Set.of(1292, 1264, 1366, 1406);

	private static final Pattern COLUMN = Pattern.compile("column [`'\"]?([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);

	private static final int REASON_LENGTH = 1000;

	private static final int ID_LENGTH = 18;

	private static final int FIELD_LENGTH = 100;

	private final JdbcTemplate jdbc;

	private final String profile;

	private final long jobExecutionId;

	private final String step;

	private final LocalDateTime at;

	private int count;

	public SkippedRecords(JdbcTemplate jdbc, String profile, long jobExecutionId, String step, LocalDateTime at) {
		this.jdbc = jdbc;
		this.profile = profile;
		this.jobExecutionId = jobExecutionId;
		this.step = step;
		this.at = at;
	}

	public void record(@Nullable String salesforceId, @Nullable String field, String reason) {
		String shortReason = shorten(reason, REASON_LENGTH);
		// The record's own values may be what broke it: an Id or field name too long for its column is cut, not fatal.
		this.jdbc.update("INSERT INTO skipped_record (profile, job_execution_id, step_name, salesforce_id, field, reason, "
				+ "skipped_at) VALUES (?, ?, ?, ?, ?, ?, ?)", this.profile, this.jobExecutionId, this.step,
				(salesforceId != null) ? shorten(salesforceId, ID_LENGTH) : null,
				(field != null) ? shorten(field, FIELD_LENGTH) : null, shortReason, this.at);
		this.count++;
		logger.warn("Profile {}: {} skipped record {}: {}; the run goes on (see skipped_record)", this.profile, this.step,
				salesforceId, shortReason);
	}

	/** A database refusal of one record's value, as {@link #record} takes it. */
	public void record(@Nullable String salesforceId, DataAccessException refusal) {
		String message = firstLine(rootMessage(refusal));
		Matcher column = COLUMN.matcher(message);
		record(salesforceId, column.find() ? column.group(1) : null, "the database refused the record: " + message);
	}

	public int count() {
		return this.count;
	}

	/**
	 * Whether the database refused a value (too long, wrong characters for the column, a bad time) rather than
	 * failing for a reason retrying or skipping would not fix (a lost connection, a lock).
	 */
	public static boolean isRefusedValue(DataAccessException ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof java.sql.SQLException sql) {
				String state = sql.getSQLState();
				return (state != null && state.startsWith("22")) || DATA_ERRORS.contains(sql.getErrorCode());
			}
		}
		return false;
	}

	/** At most {@code length} UTF-16 units, which both H2 and MySQL accept in a column of that many characters. */
	private static String shorten(String text, int length) {
		if (text.length() <= length) {
			return text;
		}
		int end = length - 1;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

	private static String rootMessage(Throwable failure) {
		String message = String.valueOf(failure.getMessage());
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause.getMessage() != null) {
				message = cause.getMessage();
			}
		}
		return message;
	}

	private static String firstLine(String text) {
		int newline = text.indexOf('\n');
		return (newline < 0) ? text : text.substring(0, newline);
	}

}
