package dev.seatkeeper.sandbox.http;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import dev.seatkeeper.sandbox.fault.Faults;
import dev.seatkeeper.sandbox.query.GroupRow;
import dev.seatkeeper.sandbox.query.QueryCursors;
import dev.seatkeeper.sandbox.query.QueryEngine;
import dev.seatkeeper.sandbox.query.QueryResult;
import dev.seatkeeper.sandbox.query.RecordJson;
import dev.seatkeeper.sandbox.soql.SoqlException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * {@code query}, {@code queryAll} and query-more ({@code query/01g...-2000}). Pages hold up to the
 * {@code Sforce-Query-Options: batchSize} asked for (200 to 2,000, default 2,000) and are streamed straight to
 * the socket, so a 2,000-record page never exists as one string. The batch size is a hint, as Salesforce says ("no
 * guarantee that the requested batch size is the actual batch size"): wide rows get smaller pages, at most
 * {@value #FIELDS_PER_PAGE} selected fields a page (a select of 40 fields gets pages of 1,000), never below 200.
 */
final class QueryHandler {

	private static final Pattern FROM = Pattern.compile("\\bFROM\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

	static final int DEFAULT_BATCH = 2000;

	static final int MIN_BATCH = 200;

	/** Selected fields (relationship paths included) one page may carry: a select of up to 20 gets full pages. */
	static final int FIELDS_PER_PAGE = 40_000;

	private final QueryEngine engine;

	private final QueryCursors cursors;

	private final Faults faults;

	QueryHandler(QueryEngine engine, QueryCursors cursors, Faults faults) {
		this.engine = engine;
		this.cursors = cursors;
		this.faults = faults;
	}

	void handle(ApiCall call, boolean all) throws IOException {
		HttpExchange exchange = call.exchange();
		if (!"GET".equals(call.method())) {
			HttpIo.methodNotAllowed(exchange, "GET");
			return;
		}
		serverTime(this.faults.queryPageTimeMs());
		String resource = all ? "queryAll" : "query";
		if (call.rest().startsWith(resource + "/")) {
			more(call, call.rest().substring(resource.length() + 1));
			return;
		}
		String soql = HttpIo.query(exchange).get("q");
		if (soql == null || soql.isBlank()) {
			HttpIo.error(exchange, 400, "MALFORMED_QUERY", "A query string has to be specified");
			return;
		}
		Matcher from = FROM.matcher(soql);
		int failure = from.find() ? this.faults.queryFailure(from.group(1)) : 0;
		if (failure != 0) {
			HttpIo.error(exchange, failure, (failure == 503) ? "SERVER_UNAVAILABLE" : "UNKNOWN_EXCEPTION",
					(failure == 503) ? "Server temporarily unavailable. Please try again."
							: "An unexpected error occurred. Please include this ErrorId if you contact support: "
									+ "1917330442-4520 (-1274651584)");
			return;
		}
		QueryResult result;
		try {
			result = this.engine.run(soql, all, this.faults.sortedScanLimitRows(), call.version());
		}
		catch (SoqlException ex) {
			HttpIo.error(exchange, 400, ex.errorCode(), ex.getMessage());
			return;
		}
		page(call, result, null, 0);
	}

	private void more(ApiCall call, String locatorAndOffset) throws IOException {
		int dash = locatorAndOffset.lastIndexOf('-');
		QueryResult result = dash > 0 ? this.cursors.get(locatorAndOffset.substring(0, dash)) : null;
		int offset = dash > 0 ? parseOffset(locatorAndOffset.substring(dash + 1)) : -1;
		if (result == null || offset < 0 || offset > result.recordCount()) {
			HttpIo.error(call.exchange(), 400, "INVALID_QUERY_LOCATOR", "invalid query locator");
			return;
		}
		page(call, result, locatorAndOffset.substring(0, dash), offset);
	}

	private void page(ApiCall call, QueryResult result, @Nullable String locator, int offset) throws IOException {
		if (result.isAggregate()) {
			aggregate(call, result);
			return;
		}
		int count = Math.min(Math.min(batchSize(call.exchange()), pageLimit(result.fields().size())),
				result.recordCount() - offset);
		boolean done = offset + count >= result.recordCount();
		@Nullable String next = null;
		if (!done) {
			String open = locator != null ? locator : this.cursors.open(result);
			next = call.apiPath() + "/query/" + open + "-" + (offset + count);
		}
		HttpExchange exchange = call.exchange();
		exchange.getResponseHeaders().set("Content-Type", HttpIo.JSON_TYPE);
		if (this.faults.takeMalformedPage()) {
			ByteArrayOutputStream buffer = new ByteArrayOutputStream();
			write(buffer, call, result, offset, count, done, next);
			byte[] broken = Arrays.copyOf(buffer.toByteArray(), Math.max(1, buffer.size() / 2));
			exchange.sendResponseHeaders(200, broken.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(broken);
			}
			return;
		}
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
			write(out, call, result, offset, count, done, next);
		}
	}

	private static void write(OutputStream out, ApiCall call, QueryResult result, int offset, int count,
			boolean done, @Nullable String next) {
		RecordJson records = RecordJson.of(result.type(), result.fields(), call.apiPath());
		try (JsonGenerator json = HttpIo.JSON.createGenerator(out)) {
			json.writeStartObject();
			json.writeNumberProperty("totalSize", result.totalSize());
			json.writeBooleanProperty("done", done);
			if (next != null) {
				json.writeStringProperty("nextRecordsUrl", next);
			}
			json.writeName("records");
			json.writeStartArray();
			for (int i = offset; i < offset + count; i++) {
				records.write(json, result.record(i));
			}
			json.writeEndArray();
			json.writeEndObject();
		}
	}

	/**
	 * An aggregate answer: one page whatever batch size was asked for, as an aggregate query cannot be continued;
	 * rows typed {@code AggregateResult} without a URL, columns named by field or alias ({@code expr0}).
	 */
	private static void aggregate(ApiCall call, QueryResult result) throws IOException {
		HttpExchange exchange = call.exchange();
		exchange.getResponseHeaders().set("Content-Type", HttpIo.JSON_TYPE);
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024);
				JsonGenerator json = HttpIo.JSON.createGenerator(out)) {
			json.writeStartObject();
			json.writeNumberProperty("totalSize", result.totalSize());
			json.writeBooleanProperty("done", true);
			json.writeName("records");
			json.writeStartArray();
			for (GroupRow row : Objects.requireNonNull(result.groups(), "called for aggregate results only")) {
				json.writeStartObject();
				json.writeName("attributes");
				json.writeStartObject();
				json.writeStringProperty("type", "AggregateResult");
				json.writeEndObject();
				row.columns().forEach((name, value) -> {
					json.writeName(name);
					RecordJson.writeValue(json, value);
				});
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
		}
	}

	/** The most records a page of rows this wide holds, whatever batch size was asked for. */
	static int pageLimit(int selectedFields) {
		return Math.max(MIN_BATCH, Math.min(DEFAULT_BATCH, FIELDS_PER_PAGE / Math.max(1, selectedFields)));
	}

	/** The time the org spends on a page (the cost model's server time), as a busy org would. */
	private static void serverTime(long millis) {
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The batch size asked for in {@code Sforce-Query-Options}, clamped as Salesforce does. */
	static int batchSize(HttpExchange exchange) {
		String options = exchange.getRequestHeaders().getFirst("Sforce-Query-Options");
		if (options != null) {
			for (String option : options.split(",")) {
				String[] pair = option.trim().split("=", 2);
				if (pair.length == 2 && "batchSize".equalsIgnoreCase(pair[0].trim())) {
					int asked = parseOffset(pair[1].trim());
					return asked < 0 ? DEFAULT_BATCH : Math.max(MIN_BATCH, Math.min(DEFAULT_BATCH, asked));
				}
			}
		}
		return DEFAULT_BATCH;
	}

	private static int parseOffset(String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
