package dev.seatkeeper.sandbox.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import dev.seatkeeper.sandbox.org.ObjectType;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.sandbox.org.RunAsUser;
import dev.seatkeeper.sandbox.org.SandboxOrg;
import dev.seatkeeper.sandbox.org.SaveResult;
import dev.seatkeeper.sandbox.query.RecordJson;
import dev.seatkeeper.sandbox.soql.SoqlSchema;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * {@code sobjects/{Type}/{Id}}: GET (optionally {@code ?fields=}), PATCH (204 on success) and DELETE, with the
 * org's license effects; plus {@code sobjects/{Type}/describe} for clients that describe before they query.
 */
final class SObjectHandler {

	private final SandboxOrg org;

	SObjectHandler(SandboxOrg org) {
		this.org = org;
	}

	void handle(ApiCall call) throws IOException {
		String[] parts = call.rest().split("/");
		ObjectType type = parts.length >= 2 ? type(this.org, parts[1], call.version()) : null;
		if (type == null || !this.org.runAs().canRead(type.name())) {
			HttpIo.notFound(call.exchange());
		}
		else if (parts.length == 2 && "GET".equals(call.method())) {
			HttpIo.json(call.exchange(), 200, Map.of("objectDescribe", summary(call, type, this.org.runAs()), "recentItems",
					List.of()));
		}
		else if (parts.length == 3 && "describe".equals(parts[2])) {
			describe(call, type);
		}
		else if (parts.length == 3) {
			record(call, type, parts[2]);
		}
		else {
			HttpIo.notFound(call.exchange());
		}
	}

	private void record(ApiCall call, ObjectType type, String id) throws IOException {
		Row row = this.org.find(id);
		if (row == null || row.type() != type || row.isDeleted()) {
			HttpIo.notFound(call.exchange());
			return;
		}
		switch (call.method()) {
			case "GET" -> get(call, row);
			case "PATCH" -> {
				JsonNode body = HttpIo.JSON.readTree(HttpIo.body(call.exchange()));
				respond(call, this.org.writer().update(id, SaveResults.fields(body)));
			}
			case "DELETE" -> respond(call, this.org.writer().delete(id));
			default -> HttpIo.methodNotAllowed(call.exchange(), "GET, PATCH, DELETE");
		}
	}

	private void get(ApiCall call, Row row) throws IOException {
		String fields = HttpIo.query(call.exchange()).get("fields");
		List<String> selected = fields == null ? this.org.runAs().visibleFields(row.type())
				: Arrays.stream(fields.split(",")).map(String::trim).toList();
		for (String field : selected) {
			if (this.org.runAs().schema(this.org).typeOf(row.type().name(), field) == null) {
				HttpIo.error(call.exchange(), 400, "INVALID_FIELD",
						"No such column '" + field + "' on entity '" + row.type().name() + "'.");
				return;
			}
		}
		HttpExchange exchange = call.exchange();
		exchange.getResponseHeaders().set("Content-Type", HttpIo.JSON_TYPE);
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody(); JsonGenerator json = HttpIo.JSON.createGenerator(out)) {
			RecordJson.of(row.type(), selected, call.apiPath()).write(json, row);
		}
	}

	private void respond(ApiCall call, SaveResult result) throws IOException {
		if (result.success()) {
			HttpIo.noContent(call.exchange());
		}
		else {
			SaveResults.sendError(call, result);
		}
	}

	private void describe(ApiCall call, ObjectType type) throws IOException {
		List<Object> fields = new ArrayList<>();
		for (String name : this.org.runAs().visibleFields(type)) {
			fields.add(describeField(type, name, this.org.runAs()));
		}
		HttpIo.json(call.exchange(), 200, Map.of("name", type.name(), "keyPrefix", type.keyPrefix(),
				"queryable", true, "deletable", this.org.runAs().mayDelete(type), "updateable",
				this.org.runAs().mayUpdate(type), "fields", fields));
	}

	/** One entry of {@code fields[]}, with the properties of Salesforce's DescribeFieldResult a client reads. */
	private static Map<String, Object> describeField(ObjectType type, String name, RunAsUser user) {
		SoqlSchema.FieldType fieldType = type.typeAt(type.indexOf(name));
		String wireType = switch (fieldType) {
			case ID -> "Id".equals(name) ? "id" : "reference";
			case INTEGER -> "int";
			default -> fieldType.name().toLowerCase(Locale.ROOT);
		};
		Map<String, Object> field = new LinkedHashMap<>();
		field.put("name", name);
		field.put("label", name);
		field.put("type", wireType);
		field.put("soapType", "Id".equals(name) || fieldType == SoqlSchema.FieldType.ID ? "tns:ID" : "xsd:" + ("datetime".equals(wireType) ? "dateTime" : wireType));
		field.put("nillable", !"Id".equals(name) && fieldType != SoqlSchema.FieldType.BOOLEAN);
		field.put("createable", false);
		field.put("updateable", user.mayUpdate(type, name));
		field.put("filterable", true);
		field.put("sortable", true);
		field.put("custom", false);
		return field;
	}

	/** An object as the global describe and {@code sobjects/{Type}} list it, for the run-as user. */
	static Map<String, Object> summary(ApiCall call, ObjectType type, RunAsUser user) {
		return Map.of("name", type.name(), "keyPrefix", type.keyPrefix(), "queryable", true, "deletable",
				user.mayDelete(type), "updateable", user.mayUpdate(type), "urls", Map.of("sobject", call.apiPath() + "/sobjects/" + type.name(),
						"describe", call.apiPath() + "/sobjects/" + type.name() + "/describe"));
	}

	/** A type the org has (an org without the license metrics has no such objects) and the API version serves. */
	private static @Nullable ObjectType type(SandboxOrg org, String name, String apiVersion) {
		return org.types()
			.stream()
			.filter((t) -> t.name().equalsIgnoreCase(name) && OrgTypes.servedIn(t, apiVersion))
			.findFirst()
			.orElse(null);
	}

}
