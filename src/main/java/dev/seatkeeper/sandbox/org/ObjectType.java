package dev.seatkeeper.sandbox.org;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.seatkeeper.sandbox.soql.SoqlSchema.FieldType;
import org.jspecify.annotations.Nullable;

/**
 * The shape of one sObject type: its key prefix, its fields in API order and its lookup relationships
 * ({@code Profile} via {@code ProfileId}). Field names are matched case-insensitively, as Salesforce does, but
 * always written back in their canonical spelling. Immutable.
 */
public final class ObjectType {

	private final String name;

	private final String keyPrefix;

	private final List<String> fields;

	private final List<FieldType> types;

	private final Map<String, Integer> index = new HashMap<>();

	/** Canonical spellings first: most look-ups use them, and they need no lower-casing. */
	private final Map<String, Integer> exact = new HashMap<>();

	private final Map<String, Relationship> relationships = new LinkedHashMap<>();

	private final Set<String> updatable;

	private final boolean deletable;

	private ObjectType(Builder builder) {
		this.name = builder.name;
		this.keyPrefix = builder.keyPrefix;
		this.fields = List.copyOf(builder.fields);
		this.types = List.copyOf(builder.types);
		for (int i = 0; i < this.fields.size(); i++) {
			this.index.put(this.fields.get(i).toLowerCase(Locale.ROOT), i);
			this.exact.put(this.fields.get(i), i);
		}
		builder.relationships.forEach((rel) -> this.relationships.put(rel.name().toLowerCase(Locale.ROOT), rel));
		this.updatable = Set.copyOf(builder.updatable);
		this.deletable = builder.deletable;
	}

	public static Builder builder(String name, String keyPrefix) {
		return new Builder(name, keyPrefix);
	}

	public String name() {
		return this.name;
	}

	public String keyPrefix() {
		return this.keyPrefix;
	}

	public List<String> fields() {
		return this.fields;
	}

	/** The position of a field (case-insensitive), or -1. */
	public int indexOf(String field) {
		Integer i = this.exact.get(field);
		if (i == null) {
			i = this.index.get(field.toLowerCase(Locale.ROOT));
		}
		return i != null ? i : -1;
	}

	public FieldType typeAt(int i) {
		return this.types.get(i);
	}

	public @Nullable Relationship relationship(String name) {
		return this.relationships.get(name.toLowerCase(Locale.ROOT));
	}

	/** Whether the API may change this field (the canonical name). */
	public boolean isUpdatable(String field) {
		return this.updatable.contains(field);
	}

	/** Whether records of this type may be deleted through the API. */
	public boolean isDeletable() {
		return this.deletable;
	}

	/** Whether this type keeps deleted rows for {@code queryAll}. */
	public boolean hasIsDeleted() {
		return indexOf("IsDeleted") >= 0;
	}

	/** A lookup: the relationship name, the Id field holding the reference and the referenced type's name. */
	public record Relationship(String name, String idField, String target) {
	}

	/** Collects fields in API order. */
	public static final class Builder {

		private final String name;

		private final String keyPrefix;

		private final List<String> fields = new ArrayList<>();

		private final List<FieldType> types = new ArrayList<>();

		private final List<Relationship> relationships = new ArrayList<>();

		private final Set<String> updatable = new HashSet<>();

		private boolean deletable;

		private Builder(String name, String keyPrefix) {
			this.name = name;
			this.keyPrefix = keyPrefix;
			field("Id", FieldType.ID);
		}

		public Builder field(String field, FieldType type) {
			this.fields.add(field);
			this.types.add(type);
			return this;
		}

		public Builder strings(String... names) {
			for (String field : names) {
				field(field, FieldType.STRING);
			}
			return this;
		}

		public Builder booleans(String... names) {
			for (String field : names) {
				field(field, FieldType.BOOLEAN);
			}
			return this;
		}

		public Builder datetimes(String... names) {
			for (String field : names) {
				field(field, FieldType.DATETIME);
			}
			return this;
		}

		public Builder lookup(String relationship, String target) {
			String idField = relationship + "Id";
			field(idField, FieldType.ID);
			this.relationships.add(new Relationship(relationship, idField, target));
			return this;
		}

		public Builder updatable(String... names) {
			Collections.addAll(this.updatable, names);
			return this;
		}

		public Builder deletable() {
			this.deletable = true;
			return this;
		}

		public ObjectType build() {
			return new ObjectType(this);
		}

	}

}
