package dev.seatkeeper.sandbox.org;

import java.time.Instant;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The records of one CRM object in four primitive columns (creator, last editor, created and last-modified second),
 * sorted by LastModifiedDate: 16 bytes a record, so 2M records of a 100,000-user org take 32 MB. A record's Id is
 * minted from its position, so Id order is position order; both Id and LastModifiedDate bounds are answered by
 * binary search. Creator and last-editor orders are built on first use ({@link UserKeyOrder}); two threads may
 * both build one, and either result is the same. Records are materialised only as small views when a query touches
 * them. Immutable once built, so safe from any thread.
 */
public final class CrmRecordTable implements RecordSource {

	private final ObjectType type;

	private final long base;

	private final int[] createdBy;

	private final int[] modifiedBy;

	private final int[] created;

	private final int[] modified;

	private final String[] userIds;

	private final SandboxOrg org;

	private volatile @Nullable UserKeyOrder byCreator;

	private volatile @Nullable UserKeyOrder byEditor;

	/** @param records packed by {@link CrmRecordGenerator}: creator, editor, created and modified offsets from base */
	CrmRecordTable(SandboxOrg org, ObjectType type, long base, int[][] records, String[] userIds) {
		this.org = org;
		this.type = type;
		this.base = base;
		int size = records[0].length;
		long[] order = new long[size];
		for (int i = 0; i < size; i++) {
			order[i] = ((long) records[3][i] << 32) | i;
		}
		Arrays.sort(order);
		this.createdBy = new int[size];
		this.modifiedBy = new int[size];
		this.created = new int[size];
		this.modified = new int[size];
		for (int i = 0; i < size; i++) {
			int from = (int) order[i];
			this.createdBy[i] = records[0][from];
			this.modifiedBy[i] = records[1][from];
			this.created[i] = records[2][from];
			this.modified[i] = records[3][from];
		}
		this.userIds = userIds;
	}

	@Override
	public ObjectType type() {
		return this.type;
	}

	@Override
	public int size() {
		return this.created.length;
	}

	@Override
	public OrgRecord record(int index) {
		return new CrmRecord(this, index);
	}

	String id(int index) {
		return SfId.of(this.type.keyPrefix(), index + 1L);
	}

	String creatorId(int index) {
		return this.userIds[this.createdBy[index]];
	}

	String editorId(int index) {
		return this.userIds[this.modifiedBy[index]];
	}

	/** The user position of the record's creator and last editor (the User table's order). */
	int creator(int index) {
		return this.createdBy[index];
	}

	int editor(int index) {
		return this.modifiedBy[index];
	}

	Instant createdDate(int index) {
		return Instant.ofEpochSecond(this.base + this.created[index]);
	}

	Instant lastModifiedDate(int index) {
		return Instant.ofEpochSecond(this.base + this.modified[index]);
	}

	@Nullable OrgRecord user(String id) {
		return this.org.find(id);
	}

	@Override
	public int from(String field, Object value, boolean inclusive) {
		if ("LastModifiedDate".equalsIgnoreCase(field) && value instanceof Instant time) {
			return firstModifiedAtOrAfter(time, !inclusive);
		}
		if ("Id".equalsIgnoreCase(field) && value instanceof String id) {
			return idPosition(id, !inclusive);
		}
		return 0;
	}

	@Override
	public int to(String field, Object value, boolean inclusive) {
		if ("LastModifiedDate".equalsIgnoreCase(field) && value instanceof Instant time) {
			return firstModifiedAtOrAfter(time, inclusive);
		}
		if ("Id".equalsIgnoreCase(field) && value instanceof String id) {
			return idPosition(id, inclusive);
		}
		return size();
	}

	@Override
	public @Nullable KeyOrder keyOrder(String field) {
		if ("CreatedById".equalsIgnoreCase(field)) {
			UserKeyOrder order = this.byCreator;
			return (order != null) ? order : (this.byCreator = new UserKeyOrder(this.createdBy, this.userIds));
		}
		if ("LastModifiedById".equalsIgnoreCase(field)) {
			UserKeyOrder order = this.byEditor;
			return (order != null) ? order : (this.byEditor = new UserKeyOrder(this.modifiedBy, this.userIds));
		}
		return null;
	}

	/** The first position modified at or after {@code time} (strictly after when {@code after}). */
	private int firstModifiedAtOrAfter(Instant time, boolean after) {
		long offset = time.getEpochSecond() - this.base;
		boolean fraction = time.getNano() != 0;
		// Whole seconds only: "> t.5" and ">= t.5" both start at t+1; "> t" starts at t+1, ">= t" at t.
		long first = (after || fraction) ? offset + 1 : offset;
		if (first <= Integer.MIN_VALUE) {
			return 0;
		}
		if (first > Integer.MAX_VALUE) {
			return size();
		}
		int low = 0;
		int high = size();
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (this.modified[mid] < first) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	private int idPosition(String id, boolean after) {
		int low = 0;
		int high = size();
		while (low < high) {
			int mid = (low + high) >>> 1;
			int cmp = id(mid).compareTo(id);
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
