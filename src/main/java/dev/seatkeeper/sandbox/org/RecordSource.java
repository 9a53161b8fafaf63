package dev.seatkeeper.sandbox.org;

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

}
