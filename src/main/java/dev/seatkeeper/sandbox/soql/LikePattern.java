package dev.seatkeeper.sandbox.soql;

/**
 * A compiled LIKE pattern: {@code %} matches any run of characters, {@code _} exactly one, everything else itself,
 * case-insensitively as Salesforce does. Matching walks the pattern with one backtrack point for the last
 * {@code %}, so it needs no regular expression and allocates nothing per record.
 */
final class LikePattern {

	private static final byte LITERAL = 0;

	private static final byte ANY_ONE = 1;

	private static final byte ANY_RUN = 2;

	private final char[] chars;

	private final byte[] kinds;

	private LikePattern(char[] chars, byte[] kinds) {
		this.chars = chars;
		this.kinds = kinds;
	}

	/** Collects a pattern character by character while string escapes are decoded. */
	static final class Builder {

		private final StringBuilder chars = new StringBuilder();

		private final java.io.ByteArrayOutputStream kinds = new java.io.ByteArrayOutputStream();

		/** A character that matches itself, including an escaped {@code \%} or {@code \_}. */
		Builder literal(char c) {
			this.chars.append(fold(c));
			this.kinds.write(LITERAL);
			return this;
		}

		/** A character as written unescaped: {@code %} and {@code _} are wildcards. */
		Builder unescaped(char c) {
			if (c == '%' || c == '_') {
				this.chars.append(c);
				this.kinds.write((c == '%') ? ANY_RUN : ANY_ONE);
				return this;
			}
			return literal(c);
		}

		LikePattern build() {
			return new LikePattern(this.chars.toString().toCharArray(), this.kinds.toByteArray());
		}

	}

	boolean matches(String value) {
		int p = 0;
		int s = 0;
		int runAt = -1;
		int runResumeAt = 0;
		while (s < value.length()) {
			if (p < this.chars.length && this.kinds[p] != ANY_RUN
					&& (this.kinds[p] == ANY_ONE || this.chars[p] == fold(value.charAt(s)))) {
				p++;
				s++;
			}
			else if (p < this.chars.length && this.kinds[p] == ANY_RUN) {
				runAt = p++;
				runResumeAt = s;
			}
			else if (runAt >= 0) {
				p = runAt + 1;
				s = ++runResumeAt;
			}
			else {
				return false;
			}
		}
		while (p < this.chars.length && this.kinds[p] == ANY_RUN) {
			p++;
		}
		return p == this.chars.length;
	}

	/** The same folding as {@link String#compareToIgnoreCase}, so LIKE and = agree on what "same letter" means. */
	private static char fold(char c) {
		return Character.toLowerCase(Character.toUpperCase(c));
	}

}
