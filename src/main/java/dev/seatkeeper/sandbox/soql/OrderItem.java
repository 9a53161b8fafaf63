package dev.seatkeeper.sandbox.soql;

import java.util.Comparator;

/**
 * One ORDER BY item. Salesforce puts nulls first when ascending and last when descending unless told otherwise,
 * so {@code nullsFirst} is resolved by the parser before this is built.
 */
record OrderItem(String path, ValueOrder order, boolean descending, boolean nullsFirst)
		implements Comparator<SoqlRecord> {

	@Override
	public int compare(SoqlRecord left, SoqlRecord right) {
		Object a = left.value(this.path);
		Object b = right.value(this.path);
		if (a == null || b == null) {
			return (a == b) ? 0 : ((a == null) == this.nullsFirst) ? -1 : 1;
		}
		int comparison = this.order.compare(a, b);
		return this.descending ? -comparison : comparison;
	}

}
