package dev.seatkeeper.salesforce;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The objects the running user may see ({@code GET /sobjects}): Salesforce leaves out those it may not read, and
 * says per object whether it may delete records of it. One call tells what a whole run will be allowed.
 */
public record GlobalDescribe(Map<String, Entry> objects) {

	/** One listed object. */
	public record Entry(String name, boolean queryable, boolean deletable) {
	}

	static GlobalDescribe read(JsonNode answer) {
		Map<String, Entry> objects = new HashMap<>();
		answer.path("sobjects").forEach((object) -> {
			String name = object.path("name").asString("");
			objects.put(name.toLowerCase(Locale.ROOT), new Entry(name, object.path("queryable").asBoolean(false),
					object.path("deletable").asBoolean(false)));
		});
		return new GlobalDescribe(Map.copyOf(objects));
	}

	/** Whether the user may query the object (case-insensitive). */
	public boolean mayRead(String object) {
		Entry entry = this.objects.get(object.toLowerCase(Locale.ROOT));
		return entry != null && entry.queryable();
	}

	public boolean mayDelete(String object) {
		Entry entry = this.objects.get(object.toLowerCase(Locale.ROOT));
		return entry != null && entry.deletable();
	}

}
