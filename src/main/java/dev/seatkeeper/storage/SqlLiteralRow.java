package dev.seatkeeper.storage;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Appends a row's values to a MySQL statement as literals that no value can escape from: a string made only of
 * ASCII letters, digits and a few punctuation marks that mean nothing inside a quoted literal as itself
 * ({@code 'Remote Access 2.0'}), any other string as the hexadecimal literal of its UTF-8 bytes ({@code O'Brien} →
 * {@code X'4f27427269656e'}, which the server stores in the column's character set), a time as digits this class
 * formats, a number as its digits, a boolean as {@code TRUE}/{@code FALSE}, a null as {@code NULL}. Quotes, backslashes and
 * {@code NO_BACKSLASH_ESCAPES} play no part.
 */
final class SqlLiteralRow implements MultiRowInsert.Row {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS",
			Locale.ROOT);

	private static final int[] POWERS_OF_TEN = { 1, 10, 100, 1_000, 10_000, 100_000 };

	private final StringBuilder sql;

	private int count;

	SqlLiteralRow(StringBuilder sql) {
		this.sql = sql;
	}

	@Override
	public SqlLiteralRow text(@Nullable String value) {
		next();
		if (value == null) {
			this.sql.append("NULL");
		}
		else if (isPlain(value)) {
			this.sql.append('\'').append(value).append('\'');
		}
		else {
			this.sql.append("X'");
			for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
				this.sql.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
			}
			this.sql.append('\'');
		}
		return this;
	}

	@Override
	public SqlLiteralRow time(@Nullable LocalDateTime value) {
		next();
		if (value == null) {
			this.sql.append("NULL");
		}
		else if (value.getYear() < 1000 || value.getYear() > 9999) {
			this.sql.append('\'').append(DATETIME.format(value)).append('\'');
		}
		else {
			// As DATETIME formats it, without a formatter's allocations: this runs for every row of a backfill.
			this.sql.append('\'').append(value.getYear()).append('-');
			digits(value.getMonthValue(), 2).append('-');
			digits(value.getDayOfMonth(), 2).append(' ');
			digits(value.getHour(), 2).append(':');
			digits(value.getMinute(), 2).append(':');
			digits(value.getSecond(), 2).append('.');
			digits(value.getNano() / 1000, 6).append('\'');
		}
		return this;
	}

	private StringBuilder digits(int value, int width) {
		for (int divisor = POWERS_OF_TEN[width - 1]; divisor > 0; divisor /= 10) {
			this.sql.append((char) ('0' + (value / divisor) % 10));
		}
		return this.sql;
	}

	/**
	 * Letters, digits, space and {@code . , : ; @ _ - + / ( ) # & = ! * %}: nothing that can end a literal, and no
	 * {@code ?} that a driver could take for a parameter.
	 */
	static boolean isPlain(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| " .,:;@_-+/()#&=!*%".indexOf(c) >= 0;
			if (!plain) {
				return false;
			}
		}
		return true;
	}

	@Override
	public SqlLiteralRow number(long value) {
		next();
		this.sql.append(value);
		return this;
	}

	@Override
	public SqlLiteralRow bool(boolean value) {
		next();
		this.sql.append(value ? "TRUE" : "FALSE");
		return this;
	}

	int count() {
		return this.count;
	}

	private void next() {
		if (this.count++ > 0) {
			this.sql.append(", ");
		}
	}

}
