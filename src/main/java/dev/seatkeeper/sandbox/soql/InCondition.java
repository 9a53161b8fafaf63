package dev.seatkeeper.sandbox.soql;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code field IN (...)} or {@code field NOT IN (...)}. Membership uses the field's ordering, so string fields
 * match case-insensitively and numbers numerically; a {@code null} in the list matches a null value, and
 * {@code NOT IN} is exactly the negation (so it keeps null values unless the list names null).
 */
final class InCondition implements Condition {

	private final String path;

	private final Object[] values;

	private final boolean matchesNull;

	private final ValueOrder order;

	private final boolean negated;

	InCondition(String path, List<Object> values, boolean matchesNull, ValueOrder order, boolean negated) {
		this.path = path;
		this.values = values.toArray();
		this.matchesNull = matchesNull;
		this.order = order;
		this.negated = negated;
	}

	@Override
	public boolean test(SoqlRecord record) {
		return contains(record.value(this.path)) != this.negated;
	}

	private boolean contains(@Nullable Object value) {
		if (value == null) {
			return this.matchesNull;
		}
		for (Object candidate : this.values) {
			if (this.order.compare(value, candidate) == 0) {
				return true;
			}
		}
		return false;
	}

}
