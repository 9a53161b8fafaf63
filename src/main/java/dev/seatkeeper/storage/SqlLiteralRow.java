package dev.seatkeeper.storage;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Appends a row's values to a MySQL statement as literals that no value can escape from: a string as the
 * hexadecimal literal of its UTF-8 bytes ({@code O'Brien} → {@code X'4f27427269656e'}, which the server stores in
 * the column's character set), a time as digits this class formats, a boolean as {@code TRUE}/{@code FALSE}, a
 * null as {@code NULL}. Quotes, backslashes and {@code NO_BACKSLASH_ESCAPES} play no part.
 */
final class SqlLiteralRow implements MultiRowInsert.Row {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS",
			Locale.ROOT);

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
		this.sql.append((value != null) ? "'" + DATETIME.format(value) + "'" : "NULL");
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
