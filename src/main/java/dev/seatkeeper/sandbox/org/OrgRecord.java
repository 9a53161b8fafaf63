package dev.seatkeeper.sandbox.org;

import dev.seatkeeper.sandbox.soql.SoqlRecord;
import org.jspecify.annotations.Nullable;

/** A record of the sandbox org as the query engine and the JSON writer see it. */
public interface OrgRecord extends SoqlRecord {

	ObjectType type();

	String id();

	/** The record a lookup relationship points to ({@code "Profile"}), or {@code null}. */
	@Nullable OrgRecord related(String relationship);

	/** Whether the record is in the recycle bin: only {@code queryAll} returns it. */
	default boolean isDeleted() {
		return this.type().hasIsDeleted() && Boolean.TRUE.equals(value("IsDeleted"));
	}

	/** Resolves a path through relationships, shared by every record kind. */
	static @Nullable Object resolve(OrgRecord record, String path) {
		int dot = path.indexOf('.');
		if (dot < 0) {
			return record.fieldValue(path);
		}
		OrgRecord parent = record.related(path.substring(0, dot));
		return parent != null ? parent.value(path.substring(dot + 1)) : null;
	}

	/** The value of a plain field of this record (case-insensitive), or {@code null}. */
	@Nullable Object fieldValue(String field);

	/** The value of a field the org fills on every record of the type (a user's CreatedDate, a license's counts). */
	default Object requiredValue(String field) {
		Object value = fieldValue(field);
		if (value == null) {
			throw new IllegalStateException(type().name() + " " + id() + " has no " + field);
		}
		return value;
	}

	@Override
	default @Nullable Object value(String path) {
		return resolve(this, path);
	}

}
