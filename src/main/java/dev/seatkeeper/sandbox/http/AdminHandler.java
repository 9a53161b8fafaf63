package dev.seatkeeper.sandbox.http;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import dev.seatkeeper.sandbox.fault.Faults;
import dev.seatkeeper.sandbox.fault.RequestLog;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.sandbox.org.SandboxOrg;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's own control surface under {@code /__sandbox/}, so a sandbox in another process can be driven by
 * tests and benchmarks. Not an API call: no session needed, no budget spent, no fault applied, not logged.
 * <ul>
 * <li>{@code GET /__sandbox/faults} the switches; {@code POST} a JSON object with any of {@code reset},
 * {@code latencyMs}, {@code failNextCalls} + {@code failStatus}, {@code slowEveryNthCall} + {@code slowDelayMs},
 * {@code expireSessionsNow}, {@code expireSessionsAfterCalls}, {@code exhaustApiBudget},
 * {@code expireQueryLocators}, {@code malformedNextQueryPage}, {@code lockNextRecords} (N),
 * {@code lockRecordIds} (an array), {@code unlockRecords}, {@code chaos}, {@code queryTimeoutRows},
 * {@code queryPageMs}, {@code concurrentRequestLimit} + {@code longRunningRequestMs}, applied in that order</li>
 * <li>{@code GET /__sandbox/requests} the request log; {@code DELETE} clears it (and the traffic count)</li>
 * <li>{@code GET /__sandbox/traffic} {@code responseBytes}: the response body bytes sent on the wire (compressed
 * where the client asked for it) since the log was cleared, and {@code requests}</li>
 * <li>{@code GET /__sandbox/facts} the org's ground truth</li>
 * <li>{@code POST /__sandbox/logins} records a login (one earlier than the latest is a late login, back-dated as
 * Salesforce records some; open query locators are then expired): {@code userId} or
 * {@code username}, {@code time} (ISO instant, default now), {@code success} (default true), {@code loginType}
 * (default {@code Application}); answers 201 with the new LoginHistory {@code id}</li>
 * <li>{@code POST /__sandbox/licensed-permissions} {@code userId} and {@code permission} (a label, default
 * {@code Convert Leads}): the user holds a permission only their user license allows, so moving them to a profile of
 * another license is refused; answers the users so marked</li>
 * </ul>
 */
final class AdminHandler {

	private final Faults faults;

	private final RequestLog log;

	private final SandboxOrg org;

	AdminHandler(Faults faults, RequestLog log, SandboxOrg org) {
		this.faults = faults;
		this.log = log;
		this.org = org;
	}

	void handle(HttpExchange exchange, String path) throws IOException {
		String method = exchange.getRequestMethod();
		try {
			switch (path + " " + method) {
				case "/__sandbox/faults GET" -> HttpIo.json(exchange, 200, this.faults.state());
				case "/__sandbox/faults POST" -> {
					apply(HttpIo.JSON.readTree(HttpIo.body(exchange)));
					HttpIo.json(exchange, 200, this.faults.state());
				}
				case "/__sandbox/requests GET" -> HttpIo.json(exchange, 200, this.log.entries());
				case "/__sandbox/traffic GET" -> HttpIo.json(exchange, 200,
						Map.of("responseBytes", this.log.responseBytes(), "requests", this.log.entries().size()));
				case "/__sandbox/requests DELETE" -> {
					this.log.clear();
					HttpIo.noContent(exchange);
				}
				case "/__sandbox/facts GET" -> HttpIo.json(exchange, 200, this.org.facts());
				case "/__sandbox/logins POST" -> HttpIo.json(exchange, 201, Map.of("id",
						recordLogin(HttpIo.JSON.readTree(HttpIo.body(exchange)))));
				case "/__sandbox/licensed-permissions POST" -> {
					JsonNode body = HttpIo.JSON.readTree(HttpIo.body(exchange));
					this.org.holdLicensedPermission(body.path("userId").asString(""),
							body.path("permission").asString("Convert Leads"));
					HttpIo.json(exchange, 200, this.org.licensedPermissions());
				}
				default -> HttpIo.notFound(exchange);
			}
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			HttpIo.json(exchange, 400, Map.of("error", ex.getMessage()));
		}
	}

	private String recordLogin(JsonNode body) {
		String userId = body.path("userId").asString("");
		if (userId.isEmpty()) {
			String username = body.path("username").asString("");
			userId = this.org.table(OrgTypes.USER).rows().stream()
				.filter((user) -> username.equalsIgnoreCase((String) user.fieldValue("Username")))
				.map(Row::id)
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("No user " + username));
		}
		Instant time = body.has("time") ? Instant.parse(body.path("time").asString()) : Instant.now();
		boolean late = this.org.loginHistory().size() > 0 && time.isBefore((Instant) this.org.loginHistory()
			.record(this.org.loginHistory().size() - 1).fieldValue("LoginTime"));
		String id = this.org.writer().recordLogin(userId, time, body.path("success").asBoolean(true),
				body.path("loginType").asString("Application"));
		if (late) {
			// Inserted before later events, which moved on: cursors opened before it would page wrongly.
			this.faults.expireQueryLocators();
		}
		return id;
	}

	private void apply(JsonNode body) {
		if (body.path("reset").asBoolean(false)) {
			this.faults.reset();
		}
		if (body.has("latencyMs")) {
			this.faults.latency(body.path("latencyMs").asLong());
		}
		if (body.has("failNextCalls")) {
			this.faults.failNext(body.path("failNextCalls").asInt(), body.path("failStatus").asInt(503));
		}
		if (body.has("slowEveryNthCall")) {
			this.faults.slowEvery(body.path("slowEveryNthCall").asInt(), body.path("slowDelayMs").asLong(1000));
		}
		if (body.path("expireSessionsNow").asBoolean(false)) {
			this.faults.expireSessionsNow();
		}
		if (body.has("expireSessionsAfterCalls")) {
			this.faults.expireSessionsAfter(body.path("expireSessionsAfterCalls").asInt());
		}
		if (body.path("exhaustApiBudget").asBoolean(false)) {
			this.faults.exhaustApiBudget();
		}
		if (body.path("expireQueryLocators").asBoolean(false)) {
			this.faults.expireQueryLocators();
		}
		if (body.path("malformedNextQueryPage").asBoolean(false)) {
			this.faults.malformedNextQueryPage();
		}
		if (body.has("lockNextRecords")) {
			this.faults.lockNextRecords(body.path("lockNextRecords").asInt());
		}
		if (body.has("lockRecordIds")) {
			body.path("lockRecordIds").forEach((id) -> this.faults.lockRecord(id.asString()));
		}
		if (body.path("unlockRecords").asBoolean(false)) {
			this.faults.unlockRecords();
		}
		if (body.has("chaos")) {
			this.faults.chaos(body.path("chaos").asBoolean());
		}
		if (body.has("queryTimeoutRows")) {
			this.faults.sortedScanLimit(body.path("queryTimeoutRows").asLong());
		}
		if (body.has("queryPageMs")) {
			this.faults.queryPageTime(body.path("queryPageMs").asLong());
		}
		if (body.has("concurrentRequestLimit")) {
			this.faults.concurrentRequestLimit(body.path("concurrentRequestLimit").asInt(),
					body.path("longRunningRequestMs").asLong(Faults.DEFAULT_LONG_RUNNING_REQUEST_MS));
		}
	}

}
