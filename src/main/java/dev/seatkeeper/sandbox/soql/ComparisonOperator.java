package dev.seatkeeper.sandbox.soql;

/** The comparison operators, each deciding from the sign of a comparison. */
enum ComparisonOperator {

	EQUALS, NOT_EQUALS, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL;

	static ComparisonOperator of(String symbol) {
		return switch (symbol) {
			case "=" -> EQUALS;
			case "!=", "<>" -> NOT_EQUALS;
			case "<" -> LESS;
			case "<=" -> LESS_OR_EQUAL;
			case ">" -> GREATER;
			case ">=" -> GREATER_OR_EQUAL;
			default -> throw new IllegalArgumentException("Not a comparison operator: " + symbol);
		};
	}

	boolean accepts(int comparison) {
		return switch (this) {
			case EQUALS -> comparison == 0;
			case NOT_EQUALS -> comparison != 0;
			case LESS -> comparison < 0;
			case LESS_OR_EQUAL -> comparison <= 0;
			case GREATER -> comparison > 0;
			case GREATER_OR_EQUAL -> comparison >= 0;
		};
	}

	/** Whether a conjunct with this operator bounds the field from below ({@code >}, {@code >=}, {@code =}). */
	boolean boundsBelow() {
		return this == GREATER || this == GREATER_OR_EQUAL || this == EQUALS;
	}

	/** Whether a conjunct with this operator bounds the field from above ({@code <}, {@code <=}, {@code =}). */
	boolean boundsAbove() {
		return this == LESS || this == LESS_OR_EQUAL || this == EQUALS;
	}

	boolean isInclusive() {
		return this == EQUALS || this == LESS_OR_EQUAL || this == GREATER_OR_EQUAL;
	}

}
