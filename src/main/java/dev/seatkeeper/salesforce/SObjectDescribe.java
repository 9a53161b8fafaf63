package dev.seatkeeper.salesforce;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * An object's describe as the running user gets it ({@code GET /sobjects/{Type}/describe}): only the fields it may
 * read are listed (an org without a feature lacks its field; field-level security hides others), and
 * {@code updateable} / {@code deletable} say what it may change.
 *
 * @param fields field name (lower case) to whether the user may update it
 */
public record SObjectDescribe(String name, boolean deletable, Map<String, Boolean> fields) {

	static SObjectDescribe read(JsonNode describe) {
		Map<String, Boolean> fields = new LinkedHashMap<>();
		describe.path("fields")
			.forEach((field) -> fields.put(field.path("name").asString("").toLowerCase(Locale.ROOT),
					field.path("updateable").asBoolean(false)));
		return new SObjectDescribe(describe.path("name").asString(""), describe.path("deletable").asBoolean(false),
				Map.copyOf(fields));
	}

	/** Whether the user may read the field (case-insensitive). */
	public boolean hasField(String field) {
		return this.fields.containsKey(field.toLowerCase(Locale.ROOT));
	}

	public boolean mayUpdate(String field) {
		return this.fields.getOrDefault(field.toLowerCase(Locale.ROOT), false);
	}

}
