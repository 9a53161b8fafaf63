package dev.seatkeeper.sandbox.org;

import org.jspecify.annotations.Nullable;

/**
 * The records of one type in Id order (creation order), addressable by position, so a query with a bound on a
 * field the source is sorted by can start and stop with a binary search instead of scanning everything.
 */
public interface RecordSource {

	ObjectType type();

	int size();

	OrgRecord record(int index);

	/**
	 * The first position whose record can satisfy {@code field > value} (or {@code >=} when inclusive); 0 when the
	 * source is not sorted by that field.
	 */
	int from(String field, Object value, boolean inclusive);

	/** The position after the last record that can satisfy {@code field < value} (or {@code <=}); size() if unsorted. */
	int to(String field, Object value, boolean inclusive);

	/**
	 * The records in the order of a field that the source indexes (e.g. {@code CreatedById}), as Salesforce's
	 * indexes on lookup fields let it answer {@code GROUP BY CreatedById ORDER BY CreatedById LIMIT n} without
	 * reading every row; {@code null} when the field has no index.
	 */
	default @Nullable KeyOrder keyOrder(String field) {
		return null;
	}

	/** The positions of a source's records sorted by one field's value (ties in position order). */
	interface KeyOrder {

		int size();

		/** The record position at rank {@code rank} of the field's order. */
		int position(int rank);

		/** The first rank whose record has a value {@code > value} (or {@code >=} when inclusive). */
		int from(Object value, boolean inclusive);

	}

}
