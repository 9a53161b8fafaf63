package dev.seatkeeper.sandbox.query;

import java.util.List;
import java.util.function.IntFunction;

import dev.seatkeeper.sandbox.org.ObjectType;
import dev.seatkeeper.sandbox.org.OrgRecord;

/**
 * The matching records of one query, in answer order, with the fields to write. Records are held as positions
 * into their source where possible, so a cursor over 3M login events costs 4 bytes a record, and materialised
 * one by one as pages are written. Immutable.
 */
public record QueryResult(ObjectType type, List<String> fields, boolean isCount, int totalSize,
		IntFunction<OrgRecord> records) {

	public OrgRecord record(int index) {
		return this.records.apply(index);
	}

	/** How many records pages hold: none for {@code COUNT()}. */
	public int recordCount() {
		return this.isCount ? 0 : this.totalSize;
	}

}
