package dev.seatkeeper.sandbox.soql;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import org.jspecify.annotations.Nullable;

/**
 * Splits a query into tokens. A dotted field path ({@code Profile.UserLicense.Name}) is one identifier token;
 * string literals are decoded here with Salesforce's escapes, so an escaped quote can never end a literal early
 * and {@code 'x\' OR Name != \'y'} stays one string.
 */
final class SoqlLexer {

	/** {@code 2026-11-25T14:03:07Z}, {@code ...07.000+0000}, {@code ...07+01:00}: the zone is mandatory. */
	private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.appendLiteral('T')
		.appendPattern("HH:mm:ss")
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HH:MM", "Z")
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HHMM", "Z")
		.optionalEnd()
		.toFormatter();

	private final String soql;

	private int pos;

	private int row = 1;

	private int lineStart;

	private SoqlLexer(String soql) {
		this.soql = soql;
	}

	static SoqlLexer of(String soql) {
		return new SoqlLexer(soql);
	}

	/**
	 * The next token, or an {@code END} token once the input is used up. Tokens are produced on demand so a
	 * syntax error earlier in the query is reported before a lexical one further on, as Salesforce does.
	 */
	Token nextToken() {
		skipWhitespace();
		if (this.pos >= this.soql.length()) {
			return new Token(TokenType.END, "", null, this.row, column(this.pos));
		}
		return next();
	}

	private Token next() {
		int start = this.pos;
		char c = this.soql.charAt(start);
		if (Character.isLetter(c) || c == '_') {
			return identifier(start);
		}
		if (isDigit(c) || (c == '-' && isDigit(charAt(start + 1)))) {
			return numberOrDate(start);
		}
		if (c == '\'') {
			return string(start);
		}
		return switch (c) {
			case '(' -> symbol(TokenType.LEFT_PAREN, start, 1);
			case ')' -> symbol(TokenType.RIGHT_PAREN, start, 1);
			case ',' -> symbol(TokenType.COMMA, start, 1);
			case '=' -> symbol(TokenType.OPERATOR, start, 1);
			case '!' -> operatorStartingWith(start, "!=", null);
			case '<' -> operatorStartingWith(start, "<=", "<>");
			case '>' -> operatorStartingWith(start, ">=", null);
			default -> throw SoqlErrors.malformed(this.soql, this.row, column(start),
					"unexpected token: '" + c + "'");
		};
	}

	private Token identifier(int start) {
		int end = start;
		while (end < this.soql.length()) {
			char c = this.soql.charAt(end);
			boolean dotBeforeName = c == '.' && end + 1 < this.soql.length()
					&& (Character.isLetter(this.soql.charAt(end + 1)) || this.soql.charAt(end + 1) == '_');
			if (!(Character.isLetterOrDigit(c) || c == '_' || dotBeforeName)) {
				break;
			}
			end++;
		}
		return symbol(TokenType.IDENTIFIER, start, end - start);
	}

	private Token numberOrDate(int start) {
		int end = skipDigits(start + 1);
		if (this.soql.startsWith("-", end) && end - start == 4 && isDigit(charAt(end + 1))) {
			return dateOrDatetime(start);
		}
		if (charAt(end) == '.' && isDigit(charAt(end + 1))) {
			end = skipDigits(end + 1);
		}
		String text = this.soql.substring(start, end);
		return advance(new Token(TokenType.NUMBER, text, new BigDecimal(text), this.row, column(start)), end);
	}

	private Token dateOrDatetime(int start) {
		int end = start;
		while (end < this.soql.length() && (isDigit(charAt(end)) || charAt(end) == '-')) {
			end++;
		}
		boolean datetime = charAt(end) == 'T';
		if (datetime) {
			end++;
			while (end < this.soql.length() && "0123456789:.+-Z".indexOf(charAt(end)) >= 0) {
				end++;
			}
		}
		String text = this.soql.substring(start, end);
		try {
			Object value = datetime ? OffsetDateTime.parse(text, DATETIME).toInstant() : LocalDate.parse(text);
			return advance(new Token(datetime ? TokenType.DATETIME : TokenType.DATE, text, value, this.row,
					column(start)), end);
		}
		catch (DateTimeException ex) {
			throw SoqlErrors.malformed(this.soql, this.row, column(start), "value of " + (datetime ? "datetime"
					: "date") + " literal '" + text + "' is not valid: " + ex.getMessage());
		}
	}

	private Token string(int start) {
		int startRow = this.row;
		int startColumn = column(start);
		StringBuilder text = new StringBuilder();
		LikePattern.Builder like = new LikePattern.Builder();
		int i = start + 1;
		while (i < this.soql.length() && this.soql.charAt(i) != '\'') {
			char c = this.soql.charAt(i);
			if (c == '\\') {
				i = escape(i, start, text, like);
				continue;
			}
			if (c == '\n') {
				this.row++;
				this.lineStart = i + 1;
			}
			text.append(c);
			like.unescaped(c);
			i++;
		}
		if (i >= this.soql.length()) {
			throw SoqlErrors.malformed(this.soql, startRow, startColumn, "unterminated string literal");
		}
		String source = this.soql.substring(start, i + 1);
		this.pos = i + 1;
		return new Token(TokenType.STRING, source, new QuotedString(text.toString(), like.build()), startRow,
				startColumn);
	}

	/** Decodes the escape at {@code i} into both readings of the literal and returns the index after it. */
	private int escape(int i, int start, StringBuilder text, LikePattern.Builder like) {
		char e = charAt(i + 1);
		char decoded;
		switch (e) {
			case '\'', '"', '\\' -> decoded = e;
			case 'n' -> decoded = '\n';
			case 'r' -> decoded = '\r';
			case 't' -> decoded = '\t';
			case 'b' -> decoded = '\b';
			case 'f' -> decoded = '\f';
			case 'u' -> decoded = unicode(i, start);
			case '%', '_' -> {
				text.append('\\').append(e);
				like.literal(e);
				return i + 2;
			}
			default -> throw SoqlErrors.malformed(this.soql, this.row, column(start), "Invalid string literal "
					+ this.soql.substring(start, Math.min(this.soql.length(), i + 2)) + "... Illegal character sequence '\\"
					+ e + "' in string literal.");
		}
		text.append(decoded);
		like.literal(decoded);
		return i + ((e == 'u') ? 6 : 2);
	}

	private char unicode(int i, int start) {
		String hex = (i + 6 <= this.soql.length()) ? this.soql.substring(i + 2, i + 6) : "";
		if (!hex.matches("[0-9a-fA-F]{4}")) {
			throw SoqlErrors.malformed(this.soql, this.row, column(start),
					"Invalid unicode escape '\\u" + hex + "' in string literal.");
		}
		return (char) Integer.parseInt(hex, 16);
	}

	private Token operatorStartingWith(int start, String twoChars, @Nullable String alternative) {
		if (this.soql.startsWith(twoChars, start) || (alternative != null && this.soql.startsWith(alternative, start))) {
			return symbol(TokenType.OPERATOR, start, 2);
		}
		if (twoChars.charAt(0) == '!') {
			throw SoqlErrors.malformed(this.soql, this.row, column(start), "unexpected token: '!'");
		}
		return symbol(TokenType.OPERATOR, start, 1);
	}

	private Token symbol(TokenType type, int start, int length) {
		return advance(new Token(type, this.soql.substring(start, start + length), null, this.row, column(start)),
				start + length);
	}

	private Token advance(Token token, int end) {
		this.pos = end;
		return token;
	}

	private void skipWhitespace() {
		while (this.pos < this.soql.length() && Character.isWhitespace(this.soql.charAt(this.pos))) {
			if (this.soql.charAt(this.pos) == '\n') {
				this.row++;
				this.lineStart = this.pos + 1;
			}
			this.pos++;
		}
	}

	private int skipDigits(int from) {
		int end = from;
		while (isDigit(charAt(end))) {
			end++;
		}
		return end;
	}

	private int column(int index) {
		return index - this.lineStart + 1;
	}

	private char charAt(int index) {
		return (index < this.soql.length()) ? this.soql.charAt(index) : '\0';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
