package dev.seatkeeper.sandbox.org;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rows of one type in Id order. Rows are only appended while the org is generated; afterwards writes change
 * values in place (a delete sets IsDeleted), so positions stay stable for open query cursors.
 */
public final class RowTable implements RecordSource {

	private final ObjectType type;

	private final List<Row> rows = new ArrayList<>();

	private final Map<String, Row> byId = new HashMap<>();

	RowTable(ObjectType type) {
		this.type = type;
	}

	@Override
	public ObjectType type() {
		return this.type;
	}

	@Override
	public int size() {
		return this.rows.size();
	}

	@Override
	public Row record(int index) {
		return this.rows.get(index);
	}

	public List<Row> rows() {
		return Collections.unmodifiableList(this.rows);
	}

	public @Nullable Row find(String id) {
		return this.byId.get(SfId.to18(id));
	}

	void add(Row row) {
		this.rows.add(row);
		this.byId.put(row.id(), row);
	}

	@Override
	public int from(String field, Object value, boolean inclusive) {
		if (!"Id".equalsIgnoreCase(field) || !(value instanceof String id)) {
			return 0;
		}
		return search(id, !inclusive);
	}

	@Override
	public int to(String field, Object value, boolean inclusive) {
		if (!"Id".equalsIgnoreCase(field) || !(value instanceof String id)) {
			return size();
		}
		return search(id, inclusive);
	}

	/** The first position whose Id is greater than (after=true) or not less than (after=false) the given Id. */
	private int search(String id, boolean after) {
		int low = 0;
		int high = this.rows.size();
		while (low < high) {
			int mid = (low + high) >>> 1;
			int cmp = this.rows.get(mid).id().compareTo(id);
			if (cmp < 0 || (after && cmp == 0)) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

}
