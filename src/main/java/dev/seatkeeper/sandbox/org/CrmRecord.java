package dev.seatkeeper.sandbox.org;

import org.jspecify.annotations.Nullable;

/** A view of one {@link CrmRecordTable} position; created per query touch, holds no data of its own. */
final class CrmRecord implements OrgRecord {

	private final CrmRecordTable table;

	private final int index;

	CrmRecord(CrmRecordTable table, int index) {
		this.table = table;
		this.index = index;
	}

	@Override
	public ObjectType type() {
		return this.table.type();
	}

	@Override
	public String id() {
		return this.table.id(this.index);
	}

	@Override
	public @Nullable OrgRecord related(String relationship) {
		if ("CreatedBy".equalsIgnoreCase(relationship)) {
			return this.table.user(this.table.creatorId(this.index));
		}
		if ("LastModifiedBy".equalsIgnoreCase(relationship)) {
			return this.table.user(this.table.editorId(this.index));
		}
		return null;
	}

	@Override
	public @Nullable Object fieldValue(String field) {
		int i = type().indexOf(field);
		if (i < 0) {
			return null;
		}
		return switch (type().fields().get(i)) {
			case "Id" -> id();
			case "CreatedById" -> this.table.creatorId(this.index);
			case "LastModifiedById" -> this.table.editorId(this.index);
			case "CreatedDate" -> this.table.createdDate(this.index);
			case "LastModifiedDate", "SystemModstamp" -> this.table.lastModifiedDate(this.index);
			default -> type().name().replace("__c", "") + " " + (this.index + 1);
		};
	}

}
