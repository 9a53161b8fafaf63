package dev.seatkeeper.sandbox.soql;

import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One token with where it starts, so every error can point at the offending text as Salesforce does.
 * @param text the source text of the token (an identifier or field path as written, an operator, a literal)
 * @param value the decoded literal: {@link QuotedString}, {@link java.math.BigDecimal},
 * {@link java.time.LocalDate} or {@link java.time.Instant}; {@code null} for other tokens
 * @param row 1-based line of the first character
 * @param column 1-based column of the first character
 */
record Token(TokenType type, String text, @Nullable Object value, int row, int column) {

	boolean isKeyword(String keyword) {
		return this.type == TokenType.IDENTIFIER && this.text.equalsIgnoreCase(keyword);
	}

	boolean isOperator(String operator) {
		return this.type == TokenType.OPERATOR && this.text.equals(operator);
	}

	/** The value of a STRING or NUMBER token: the lexer gives every such token one. */
	Object literalValue() {
		return Objects.requireNonNull(this.value, () -> this.type + " token '" + this.text + "' has no value");
	}

	/** How the token is quoted in "unexpected token" messages. */
	String display() {
		return (this.type == TokenType.END) ? "<EOF>" : this.text;
	}

	String upperText() {
		return this.text.toUpperCase(Locale.ROOT);
	}

}
