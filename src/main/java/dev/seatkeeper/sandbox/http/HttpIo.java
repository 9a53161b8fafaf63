package dev.seatkeeper.sandbox.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** Reading requests and writing JSON responses with the content type and error shapes Salesforce uses. */
final class HttpIo {

	static final String JSON_TYPE = "application/json;charset=UTF-8";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private HttpIo() {
	}

	/** Decodes {@code a=1&b=2} (query strings and form bodies alike), the last value of a repeated name. */
	static Map<String, String> decode(@Nullable String encoded) {
		Map<String, String> values = new LinkedHashMap<>();
		UriComponentsBuilder.newInstance().query((encoded != null) ? encoded : "").build().getQueryParams().forEach((name, all) -> {
			String value = all.get(all.size() - 1);
			values.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
					(value != null) ? URLDecoder.decode(value, StandardCharsets.UTF_8) : "");
		});
		return values;
	}

	static Map<String, String> query(HttpExchange exchange) {
		return decode(exchange.getRequestURI().getRawQuery());
	}

	static byte[] body(HttpExchange exchange) throws IOException {
		return exchange.getRequestBody().readAllBytes();
	}

	static void json(HttpExchange exchange, int status, Object body) throws IOException {
		send(exchange, status, JSON.writeValueAsBytes(body));
	}

	static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/** An API error as Salesforce sends it: an array of {@code {message, errorCode}}. */
	static void error(HttpExchange exchange, int status, String errorCode, String message) throws IOException {
		json(exchange, status, List.of(new ApiError(message, errorCode)));
	}

	/** One element of an error array, in Salesforce's field order. */
	record ApiError(String message, String errorCode) {
	}

	static void noContent(HttpExchange exchange) throws IOException {
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
	}

	static void notFound(HttpExchange exchange) throws IOException {
		error(exchange, 404, "NOT_FOUND", "The requested resource does not exist");
	}

	static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
		error(exchange, 405, "METHOD_NOT_ALLOWED",
				"HTTP Method '" + exchange.getRequestMethod() + "' not allowed. Allowed are " + allowed);
	}

}
