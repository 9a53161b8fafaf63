package dev.seatkeeper.sandbox.org;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A row-stored record: one value slot per field of its type. Rows are changed only by the org's writes, under
 * the org's lock; readers may see a value an instant late, as a Salesforce query running beside an update can.
 */
public final class Row implements OrgRecord {

	private final ObjectType type;

	private final Object[] values;

	private final Function<String, @Nullable OrgRecord> lookup;

	Row(ObjectType type, Function<String, @Nullable OrgRecord> lookup) {
		this.type = type;
		this.values = new Object[type.fields().size()];
		this.lookup = lookup;
	}

	@Override
	public ObjectType type() {
		return this.type;
	}

	@Override
	public String id() {
		return (String) this.values[0];
	}

	@Override
	public @Nullable Object fieldValue(String field) {
		int i = this.type.indexOf(field);
		return i >= 0 ? this.values[i] : null;
	}

	@Override
	public @Nullable OrgRecord related(String relationship) {
		ObjectType.Relationship rel = this.type.relationship(relationship);
		if (rel == null) {
			return null;
		}
		Object id = fieldValue(rel.idField());
		return id != null ? this.lookup.apply((String) id) : null;
	}

	/** Sets a field by canonical or case-insensitive name; fails loudly on a name the type lacks. */
	Row set(String field, @Nullable Object value) {
		int i = this.type.indexOf(field);
		if (i < 0) {
			throw new IllegalArgumentException(ObjectNames.noSuchField(this.type.name(), field));
		}
		this.values[i] = value;
		return this;
	}

	@Override
	public String toString() {
		return this.type.name() + ":" + id();
	}

}
