package dev.seatkeeper.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Reading fields out of query records as Salesforce sends them: datetimes like {@code 2026-11-25T14:03:07.000+0000},
 * relationship paths like {@code Profile.UserLicense.LicenseDefinitionKey} where any level may be {@code null}, and
 * the {@code attributes} object, which is never a field.
 */
public final class SalesforceRecords {

	private static final DateTimeFormatter SALESFORCE_DATETIME = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
		.optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
		.toFormatter();

	private SalesforceRecords() {
	}

	/** The node at a dotted path; a missing node when any level is absent or {@code null}. */
	public static JsonNode path(JsonNode record, String dottedPath) {
		if (dottedPath.indexOf('.') < 0 && !"attributes".equals(dottedPath)) {
			JsonNode node = record.path(dottedPath);
			return node.isNull() ? MissingNode.getInstance() : node;
		}
		JsonNode node = record;
		for (String part : dottedPath.split("\\.")) {
			if (node == null || node.isNull() || node.isMissingNode() || "attributes".equals(part)) {
				return MissingNode.getInstance();
			}
			node = node.path(part);
		}
		return (node == null || node.isNull()) ? MissingNode.getInstance() : node;
	}

	/** The text at a path, or {@code null}. */
	public static @Nullable String text(JsonNode record, String dottedPath) {
		JsonNode node = path(record, dottedPath);
		return node.isMissingNode() ? null : node.asString();
	}

	/** The boolean at a path; {@code false} when absent. */
	public static boolean bool(JsonNode record, String dottedPath) {
		return path(record, dottedPath).asBoolean(false);
	}

	/** The number at a path, or {@code null}. */
	public static @Nullable Long number(JsonNode record, String dottedPath) {
		JsonNode node = path(record, dottedPath);
		return node.isMissingNode() ? null : node.asLong();
	}

	/** The datetime at a path, or {@code null}. */
	public static @Nullable Instant instant(JsonNode record, String dottedPath) {
		return parseInstant(text(record, dottedPath));
	}

	/** The date at a path ({@code 2026-11-25}), or {@code null}. */
	public static @Nullable LocalDate date(JsonNode record, String dottedPath) {
		String text = text(record, dottedPath);
		return (text != null) ? LocalDate.parse(text) : null;
	}

	/** Parses {@code 2026-11-25T14:03:07.000+0000} (also {@code Z} and {@code +00:00} offsets); null stays null. */
	public static @Nullable Instant parseInstant(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		Instant utc = parseUtc(text);
		return (utc != null) ? utc : OffsetDateTime.parse(text, SALESFORCE_DATETIME).toInstant();
	}

	/**
	 * The form Salesforce always sends, {@code yyyy-MM-ddTHH:mm:ss.SSS+0000}, read digit by digit: the formatter took
	 * a quarter of the CPU of a login-history pull. Anything else answers {@code null} and goes to the formatter.
	 */
	private static @Nullable Instant parseUtc(String text) {
		if (text.length() != 28 || !text.endsWith("+0000") || text.charAt(4) != '-' || text.charAt(7) != '-'
				|| text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		int millis = digits(text, 20, 3);
		if ((year | month | day | hour | minute | second | millis) < 0) {
			return null;
		}
		return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000).toInstant(ZoneOffset.UTC);
	}

	/** The number the digits at {@code start} spell, or -1 when one is not a digit. */
	private static int digits(String text, int start, int count) {
		int value = 0;
		for (int i = start; i < start + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
