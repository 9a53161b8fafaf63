package dev.seatkeeper.sandbox.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.seatkeeper.sandbox.org.ObjectType;
import dev.seatkeeper.sandbox.org.OrgRecord;
import dev.seatkeeper.sandbox.org.OrgTypes;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * Writes records the way the REST API does: an {@code attributes} object with type and URL, fields in their
 * canonical spelling, relationship paths as nested objects (or null when the lookup is empty), datetimes as
 * {@code 2026-11-25T14:03:07.000+0000}. The field tree is built once per query and reused for every record.
 */
public final class RecordJson {

	public static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx",
			Locale.ROOT).withZone(ZoneOffset.UTC);

	private final Node root;

	private final String apiPath;

	private RecordJson(Node root, String apiPath) {
		this.root = root;
		this.apiPath = apiPath;
	}

	/** @param apiPath {@code /services/data/vNN.N}, the prefix of each record's URL */
	public static RecordJson of(ObjectType type, List<String> paths, String apiPath) {
		Node root = new Node(type.name(), type);
		for (String path : paths) {
			root.add(path.split("\\."), 0);
		}
		return new RecordJson(root, apiPath);
	}

	/** Every field of the type, for {@code GET sobjects/Type/Id}. */
	public static RecordJson allFields(ObjectType type, String apiPath) {
		return of(type, type.fields(), apiPath);
	}

	public void write(JsonGenerator json, OrgRecord record) {
		writeObject(json, record, this.root);
	}

	private void writeObject(JsonGenerator json, OrgRecord record, Node node) {
		json.writeStartObject();
		json.writeName("attributes");
		json.writeStartObject();
		json.writeStringProperty("type", record.type().name());
		json.writeStringProperty("url", this.apiPath + "/sobjects/" + record.type().name() + "/" + record.id());
		json.writeEndObject();
		for (Node child : node.children.values()) {
			json.writeName(child.name);
			if (child.target != null) {
				OrgRecord parent = record.related(child.name);
				if (parent == null) {
					json.writeNull();
				}
				else {
					writeObject(json, parent, child);
				}
			}
			else {
				writeValue(json, record.fieldValue(child.name));
			}
		}
		json.writeEndObject();
	}

	public static void writeValue(JsonGenerator json, @Nullable Object value) {
		if (value == null) {
			json.writeNull();
		}
		else if (value instanceof Instant instant) {
			json.writeString(DATETIME.format(instant));
		}
		else if (value instanceof LocalDate date) {
			json.writeString(date.toString());
		}
		else if (value instanceof Boolean bool) {
			json.writeBoolean(bool);
		}
		else if (value instanceof Integer number) {
			json.writeNumber(number);
		}
		else if (value instanceof Long number) {
			json.writeNumber(number);
		}
		else if (value instanceof Double number) {
			json.writeNumber(number);
		}
		else {
			json.writeString(value.toString());
		}
	}

	/** A field (no target) or a relationship (target type) with the fields selected through it. */
	private static final class Node {

		private final String name;

		private final @Nullable ObjectType target;

		private final Map<String, Node> children = new LinkedHashMap<>();

		Node(String name, @Nullable ObjectType target) {
			this.name = name;
			this.target = target;
		}

		void add(String[] segments, int at) {
			String key = segments[at].toLowerCase(Locale.ROOT);
			// Paths are added to the root and to relationships, never to a field: those have a target type.
			ObjectType type = Objects.requireNonNull(this.target, "a field has no fields of its own");
			if (at == segments.length - 1) {
				int i = type.indexOf(segments[at]);
				String canonical = i >= 0 ? type.fields().get(i) : segments[at];
				this.children.putIfAbsent(key, new Node(canonical, null));
				return;
			}
			ObjectType.Relationship rel = type.relationship(segments[at]);
			if (rel == null) {
				return;
			}
			Node child = this.children.computeIfAbsent(key, (k) -> new Node(rel.name(), OrgTypes.byName(rel.target())));
			child.add(segments, at + 1);
		}

	}

}
