package dev.seatkeeper.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.springframework.util.Assert;

/**
 * SOQL literals. Every value that reaches a query goes through here, so a name like {@code O'Brien} or a hostile
 * {@code x' OR Name != '} always stays one literal. Only field and object names (which come from code, not data) are
 * written into queries directly, and {@link #identifier(String)} checks those.
 */
public final class Soql {

	private static final DateTimeFormatter DATETIME_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATETIME_MILLIS = DateTimeFormatter
		.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Soql() {
	}

	/**
	 * A quoted string literal: {@code '...'} with backslash, quotes and the control characters SOQL knows escaped.
	 * @throws IllegalArgumentException for other control characters, which SOQL cannot express
	 */
	public static String quote(String value) {
		Assert.notNull(value, "'value' must not be null");
		StringBuilder literal = new StringBuilder(value.length() + 8).append('\'');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> literal.append("\\\\");
				case '\'' -> literal.append("\\'");
				case '"' -> literal.append("\\\"");
				case '\n' -> literal.append("\\n");
				case '\r' -> literal.append("\\r");
				case '\t' -> literal.append("\\t");
				case '\b' -> literal.append("\\b");
				case '\f' -> literal.append("\\f");
				default -> {
					if (Character.isISOControl(c)) {
						throw new IllegalArgumentException(
								"SOQL cannot express control character U+" + String.format("%04X", (int) c));
					}
					literal.append(c);
				}
			}
		}
		return literal.append('\'').toString();
	}

	/** A dateTime literal in UTC, e.g. {@code 2026-11-25T14:03:07Z}; milliseconds only when there are some. */
	public static String literal(Instant instant) {
		Assert.notNull(instant, "'instant' must not be null");
		Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
		return (millis.getNano() == 0) ? DATETIME_SECONDS.format(millis) : DATETIME_MILLIS.format(millis);
	}

	/** A date literal, e.g. {@code 2026-11-25}. */
	public static String literal(LocalDate date) {
		Assert.notNull(date, "'date' must not be null");
		return date.toString();
	}

	/** A comma-separated list of quoted literals, for {@code IN (...)}. */
	public static String quoteAll(Iterable<String> values) {
		StringBuilder list = new StringBuilder();
		for (String value : values) {
			if (!list.isEmpty()) {
				list.append(',');
			}
			list.append(quote(value));
		}
		return list.toString();
	}

	/**
	 * Checks a field, relationship path or object name that is written into a query as is.
	 * @throws IllegalArgumentException unless it is made of letters, digits, underscores and dots
	 */
	public static String identifier(String name) {
		Assert.hasText(name, "'name' must not be empty");
		if (!name.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*")) {
			throw new IllegalArgumentException("Not a SOQL field or object name: '" + name + "'");
		}
		return name;
	}

}
