package dev.seatkeeper.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The local end of the authorization-code flow: listens on {@code http://localhost:PORT/OauthRedirect} for the
 * one redirect Salesforce sends after the user approves, and hands its query parameters over.
 */
final class OAuthCallbackServer implements AutoCloseable {

	static final String PATH = "/OauthRedirect";

	private final HttpServer server;

	private final CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();

	private OAuthCallbackServer(HttpServer server) {
		this.server = server;
	}

	static OAuthCallbackServer start(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		OAuthCallbackServer callbackServer = new OAuthCallbackServer(server);
		server.createContext(PATH, callbackServer::handle);
		server.start();
		return callbackServer;
	}

	URI redirectUri() {
		return URI.create("http://localhost:" + this.server.getAddress().getPort() + PATH);
	}

	/** The redirect's query parameters ({@code code} and {@code state}, or {@code error}). */
	Map<String, String> await(Duration timeout) throws TimeoutException, InterruptedException {
		try {
			return this.callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		Map<String, String> parameters = parse(exchange.getRequestURI().getRawQuery());
		boolean approved = parameters.containsKey("code");
		String page = approved ? "Seatkeeper is authorized. You can close this window."
				: "Seatkeeper was not authorized: " + HtmlUtils.htmlEscape(parameters.getOrDefault("error_description",
						parameters.getOrDefault("error", "no code in the redirect")), StandardCharsets.UTF_8.name());
		byte[] body = ("<!doctype html><title>Seatkeeper</title><p>" + page + "</p>").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
		exchange.sendResponseHeaders(approved ? 200 : 400, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
		this.callback.complete(parameters);
	}

	/** The query's parameters, form-decoded ({@code +} is a space), the last value of a repeated name. */
	private static Map<String, String> parse(@Nullable String query) {
		Map<String, String> parameters = new HashMap<>();
		UriComponentsBuilder.newInstance().query((query != null) ? query : "").build().getQueryParams().forEach((name, values) -> {
			String value = values.get(values.size() - 1);
			parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
					(value != null) ? URLDecoder.decode(value, StandardCharsets.UTF_8) : "");
		});
		return parameters;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
