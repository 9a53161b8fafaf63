package dev.seatkeeper.sandbox.soql;

import org.jspecify.annotations.Nullable;

/**
 * {@code field op literal}, with the literal already converted to the field's value type. Null follows SOQL rather
 * than SQL: {@code = null} matches only null, {@code != x} matches null too, and an ordering comparison with null
 * on either side is false.
 * @param literal the literal as the record would give the value, or {@code null} for the {@code null} literal
 */
record FieldComparison(String path, ComparisonOperator operator, @Nullable Object literal, ValueOrder order)
		implements Condition {

	@Override
	public boolean test(SoqlRecord record) {
		Object value = record.value(this.path);
		if (value == null || this.literal == null) {
			return nullComparison(value == null, this.literal == null);
		}
		return this.operator.accepts(this.order.compare(value, this.literal));
	}

	private boolean nullComparison(boolean valueIsNull, boolean literalIsNull) {
		return switch (this.operator) {
			case EQUALS -> valueIsNull == literalIsNull;
			case NOT_EQUALS -> valueIsNull != literalIsNull;
			default -> false;
		};
	}

}
