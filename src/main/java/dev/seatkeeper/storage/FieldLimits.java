package dev.seatkeeper.storage;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;

import dev.seatkeeper.salesforce.SalesforceRecords;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a downloaded record's values may be to be stored: Salesforce's own field lengths, counted in Unicode
 * characters (code points) as Salesforce and MySQL's utf8mb4 count them — not UTF-16 units, in which an emoji is two
 * — dates and times within a DATETIME column's years, and numbers within a DECIMAL column's digits. A value outside
 * them is reported as {@link Unstorable}, so the record is skipped instead of failing the page. The columns are at
 * least as wide as these lengths in characters (and on H2, which counts UTF-16 units, twice as wide, see
 * {@link Utf16ColumnsMigration}), so H2 and MySQL accept exactly the values that pass here. Immutable, thread-safe.
 */
public final class FieldLimits {

	private static final int FIRST_YEAR = 1000;

	private static final int LAST_YEAR = 9999;

	private final Map<String, Integer> lengths;

	private final Map<String, Integer> columns;

	/** @param lengths the longest value of each field, in characters (fields not named are not checked) */
	public FieldLimits(Map<String, Integer> lengths) {
		this(lengths, Map.of());
	}

	/**
	 * @param lengths Salesforce's longest value of each field, in characters
	 * @param columns for fields whose Salesforce length is not known, the width of the column they go to
	 */
	public FieldLimits(Map<String, Integer> lengths, Map<String, Integer> columns) {
		this.lengths = Map.copyOf(lengths);
		this.columns = Map.copyOf(columns);
	}

	/** The text at a path, with a problem reported when it is longer than its field allows. */
	public @Nullable String text(JsonNode record, String field, Consumer<Unstorable> problems) {
		return length(SalesforceRecords.text(record, field), field, problems);
	}

	/** The value, with a problem reported when it is longer than its field allows. */
	public @Nullable String length(@Nullable String value, String field, Consumer<Unstorable> problems) {
		if (value == null) {
			return null;
		}
		int characters = value.codePointCount(0, value.length());
		Integer limit = this.lengths.get(field);
		Integer column = this.columns.get(field);
		if (limit != null && characters > limit) {
			problems.accept(new Unstorable(field, field + " is " + characters + " characters long; Salesforce allows "
					+ limit));
		}
		else if (column != null && characters > column) {
			problems.accept(new Unstorable(field, field + " is " + characters + " characters long; Seatkeeper stores "
					+ column));
		}
		return value;
	}

	/** The time at a path, or null with a problem reported when it is not a time a DATETIME column can hold. */
	public static @Nullable Instant time(JsonNode record, String field, Consumer<Unstorable> problems) {
		Instant instant;
		try {
			instant = SalesforceRecords.parseInstant(SalesforceRecords.text(record, field));
		}
		catch (DateTimeException ex) {
			problems.accept(new Unstorable(field, field + " is not a Salesforce date and time (" + ex.getMessage() + ")"));
			return null;
		}
		if (instant != null && !storableYear(LocalDateTime.ofInstant(instant, ZoneOffset.UTC).getYear(), field, problems)) {
			return null;
		}
		return instant;
	}

	/** The date at a path, or null with a problem reported when it is not a date a DATE column can hold. */
	public static @Nullable LocalDate date(JsonNode record, String field, Consumer<Unstorable> problems) {
		LocalDate date;
		try {
			date = SalesforceRecords.date(record, field);
		}
		catch (DateTimeException ex) {
			problems.accept(new Unstorable(field, field + " is not a Salesforce date (" + ex.getMessage() + ")"));
			return null;
		}
		return (date != null && !storableYear(date.getYear(), field, problems)) ? null : date;
	}

	/**
	 * The number at a path, or null with a problem reported when it has more digits before the point than a
	 * {@code DECIMAL(precision, scale)} column holds (digits after the point are rounded by the database).
	 */
	public static @Nullable BigDecimal decimal(JsonNode record, String field, int precision, int scale,
			Consumer<Unstorable> problems) {
		JsonNode value = SalesforceRecords.path(record, field);
		if (!value.isNumber()) {
			return null;
		}
		BigDecimal number = value.decimalValue();
		int integerDigits = Math.max(0, number.precision() - number.scale());
		if (integerDigits > precision - scale) {
			problems.accept(new Unstorable(field, field + " is " + number.toString() + ", more than the "
					+ (precision - scale) + " digits before the point a database column holds"));
			return null;
		}
		return number;
	}

	/** A problem for a required field that is absent. */
	public static void require(@Nullable String value, String field, Consumer<Unstorable> problems) {
		if (value == null || value.isEmpty()) {
			problems.accept(new Unstorable(field, field + " is empty"));
		}
	}

	private static boolean storableYear(int year, String field, Consumer<Unstorable> problems) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			problems.accept(new Unstorable(field, field + " is in the year " + year + ", outside the years " + FIRST_YEAR
					+ " to " + LAST_YEAR + " a database can store"));
			return false;
		}
		return true;
	}

}
