package dev.seatkeeper.sandbox.query;

import java.util.List;
import java.util.function.IntFunction;

import dev.seatkeeper.sandbox.org.ObjectType;
import dev.seatkeeper.sandbox.org.OrgRecord;
import org.jspecify.annotations.Nullable;

/**
 * The matching records of one query, in answer order, with the fields to write. Records are held as positions
 * into their source where possible, so a cursor over 3M login events costs 4 bytes a record, and materialised
 * one by one as pages are written. Immutable.
 */
public record QueryResult(ObjectType type, List<String> fields, boolean isCount, int totalSize,
		IntFunction<OrgRecord> records, @Nullable List<GroupRow> groups) {

	public QueryResult(ObjectType type, List<String> fields, boolean isCount, int totalSize,
			IntFunction<OrgRecord> records) {
		this(type, fields, isCount, totalSize, records, null);
	}

	/** An aggregate query's answer: its rows, all in one page. */
	static QueryResult aggregate(ObjectType type, List<String> fields, List<GroupRow> groups) {
		return new QueryResult(type, fields, false, groups.size(), (i) -> {
			throw new IllegalStateException("An aggregate answer has group rows, not records");
		}, groups);
	}

	public boolean isAggregate() {
		return this.groups != null;
	}

	public OrgRecord record(int index) {
		return this.records.apply(index);
	}

	/** How many records pages hold: none for {@code COUNT()}. */
	public int recordCount() {
		return this.isCount ? 0 : this.totalSize;
	}

}
