package dev.seatkeeper.sandbox.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.sandbox.org.SaveResult;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Converting write requests and results between JSON and the org's writer. */
final class SaveResults {

	private SaveResults() {
	}

	/** One sObject Collections entry: {@code id} only when saved. */
	static Map<String, Object> toJson(SaveResult result) {
		Map<String, Object> json = new LinkedHashMap<>();
		if (result.id() != null) {
			json.put("id", result.id());
		}
		json.put("success", result.success());
		json.put("errors", result.errors());
		return json;
	}

	/** The single-record error response: an array with {@code message, errorCode, fields}. */
	static void sendError(ApiCall call, SaveResult result) throws IOException {
		SaveResult.Error error = result.errors().get(0);
		int status = "INVALID_CROSS_REFERENCE_KEY".equals(error.statusCode())
				|| "ENTITY_IS_DELETED".equals(error.statusCode()) || "MALFORMED_ID".equals(error.statusCode()) ? 404
						: 400;
		if (status == 404) {
			HttpIo.notFound(call.exchange());
			return;
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("message", error.message());
		json.put("errorCode", error.statusCode());
		json.put("fields", error.fields());
		HttpIo.json(call.exchange(), 400, List.of(json));
	}

	/** The fields of a record body, without {@code attributes} and the Id; values as plain Java. */
	static Map<String, @Nullable Object> fields(JsonNode record) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : record.properties()) {
			String name = field.getKey();
			if (!"attributes".equalsIgnoreCase(name) && !"id".equalsIgnoreCase(name)) {
				fields.put(name, plain(field.getValue()));
			}
		}
		return fields;
	}

	private static @Nullable Object plain(JsonNode value) {
		if (value.isNull()) {
			return null;
		}
		if (value.isBoolean()) {
			return value.asBoolean();
		}
		if (value.isString()) {
			return value.asString();
		}
		return value.toString();
	}

	static List<Map<String, Object>> toJson(List<SaveResult> results) {
		List<Map<String, Object>> json = new ArrayList<>();
		results.forEach((result) -> json.add(toJson(result)));
		return json;
	}

}
