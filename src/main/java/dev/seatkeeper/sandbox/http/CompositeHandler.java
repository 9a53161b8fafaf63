package dev.seatkeeper.sandbox.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.seatkeeper.sandbox.fault.Faults;
import dev.seatkeeper.sandbox.org.OrgWriter;
import dev.seatkeeper.sandbox.org.SandboxOrg;
import dev.seatkeeper.sandbox.org.SaveResult;
import tools.jackson.databind.JsonNode;

/**
 * sObject Collections: {@code PATCH composite/sobjects} and {@code DELETE composite/sobjects?ids=}. At most 200
 * records; one result per record in request order; a failed entry has no id; {@code allOrNone} (default false
 * for DELETE, as the body says for PATCH) rolls back everything when one record fails. A record without
 * {@code attributes.type} makes the whole request a 400 {@code INVALID_TYPE}, nothing written. The row-lock faults
 * ({@link Faults#lockNextRecords}, {@link Faults#lockRecord}) refuse records with {@code UNABLE_TO_LOCK_ROW}.
 */
final class CompositeHandler {

	static final int MAX_RECORDS = 200;

	private final SandboxOrg org;

	private final Faults faults;

	CompositeHandler(SandboxOrg org, Faults faults) {
		this.org = org;
		this.faults = faults;
	}

	void handle(ApiCall call) throws IOException {
		if (!"composite/sobjects".equals(call.rest())) {
			HttpIo.notFound(call.exchange());
			return;
		}
		switch (call.method()) {
			case "PATCH" -> update(call);
			case "DELETE" -> delete(call);
			default -> HttpIo.methodNotAllowed(call.exchange(), "PATCH, DELETE");
		}
	}

	private void update(ApiCall call) throws IOException {
		JsonNode body = HttpIo.JSON.readTree(HttpIo.body(call.exchange()));
		JsonNode records = body.path("records");
		if (!records.isArray() || records.isEmpty()) {
			HttpIo.error(call.exchange(), 400, "INVALID_FIELD", "Invalid input: records is required");
			return;
		}
		if (records.size() > MAX_RECORDS) {
			tooMany(call);
			return;
		}
		for (JsonNode record : records) {
			if (record.path("attributes").path("type").asString("").isBlank()) {
				// "Each object must contain an attributes map. The map must contain a value for type."
				HttpIo.error(call.exchange(), 400, "INVALID_TYPE", "Must send a concrete entity type.");
				return;
			}
		}
		List<OrgWriter.Update> updates = new ArrayList<>();
		for (JsonNode record : records) {
			String type = record.path("attributes").path("type").asString();
			String id = record.has("id") ? record.path("id").asString("") : record.path("Id").asString("");
			updates.add(new OrgWriter.Update(type, id, SaveResults.fields(record)));
		}
		List<SaveResult> results = this.org.writer()
			.updateAll(updates, body.path("allOrNone").asBoolean(false), this.faults::takeRowLock);
		holdAnswer();
		HttpIo.json(call.exchange(), 200, SaveResults.toJson(results));
	}

	private void delete(ApiCall call) throws IOException {
		var params = HttpIo.query(call.exchange());
		List<String> ids = Arrays.stream(params.getOrDefault("ids", "").split(","))
			.map(String::trim)
			.filter((id) -> !id.isEmpty())
			.toList();
		if (ids.isEmpty()) {
			HttpIo.error(call.exchange(), 400, "MISSING_ARGUMENT", "ids parameter is required");
			return;
		}
		if (ids.size() > MAX_RECORDS) {
			tooMany(call);
			return;
		}
		boolean allOrNone = Boolean.parseBoolean(params.getOrDefault("allOrNone", "false"));
		List<SaveResult> results = this.org.writer().deleteAll(ids, allOrNone, this.faults::takeRowLock);
		holdAnswer();
		HttpIo.json(call.exchange(), 200, SaveResults.toJson(results));
	}

	/** The write is done; its answer waits as long as the fault says, or until the fault is turned off. */
	private void holdAnswer() {
		long start = System.nanoTime();
		while (System.nanoTime() - start < this.faults.writeAnswerDelayMs() * 1_000_000L) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static void tooMany(ApiCall call) throws IOException {
		HttpIo.error(call.exchange(), 400, "EXCEEDED_ID_LIMIT",
				"record limit reached. cannot submit more than " + MAX_RECORDS + " records into this call");
	}

}
