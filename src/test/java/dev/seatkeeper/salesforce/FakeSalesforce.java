package dev.seatkeeper.salesforce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A scripted Salesforce on 127.0.0.1 and a free port: each route answers the responses queued for it in order
 * (the last one repeats), API answers carry {@code Sforce-Limit-Info}, and every request is logged. Bodies come from
 * {@code src/test/resources/salesforce/}, with {@code ${instanceUrl}} replaced by this server's URL.
 */
final class FakeSalesforce implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, Deque<Function<Request, Response>>> routes = new LinkedHashMap<>();

	private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

	private final AtomicLong apiUsage = new AtomicLong(18);

	private volatile long apiMax = 15000;

	private FakeSalesforce() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	static FakeSalesforce start() {
		try {
			return new FakeSalesforce();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** Queues an answer for {@code METHOD /path} (path without query; a trailing {@code *} matches a prefix). */
	FakeSalesforce on(String method, String path, int status, String resource) {
		return on(method, path, (request) -> new Response(status, body(resource)));
	}

	FakeSalesforce on(String method, String path, Function<Request, Response> answer) {
		synchronized (this.routes) {
			this.routes.computeIfAbsent(method + " " + path, (key) -> new ArrayDeque<>()).add(answer);
		}
		return this;
	}

	/** Token endpoint answers 200 with the given resource. */
	FakeSalesforce token(String resource) {
		return on("POST", "/services/oauth2/token", 200, resource);
	}

	/** What {@code Sforce-Limit-Info} reports from now on. */
	void apiUsage(long used, long max) {
		this.apiUsage.set(used);
		this.apiMax = max;
	}

	List<Request> requests() {
		synchronized (this.requests) {
			return List.copyOf(this.requests);
		}
	}

	List<Request> requests(String pathPrefix) {
		return requests().stream().filter((request) -> request.path().startsWith(pathPrefix)).toList();
	}

	List<Request> tokenRequests() {
		return requests("/services/oauth2/token");
	}

	String body(String resource) {
		try (InputStream in = FakeSalesforce.class.getResourceAsStream("/salesforce/" + resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No test resource salesforce/" + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${instanceUrl}", url().toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestURI().getRawQuery(), firstHeaders(exchange),
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		this.requests.add(request);
		Response response = answer(request);
		if (response.delayMillis() > 0) {
			sleep(response.delayMillis());
		}
		byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
		if (request.path().startsWith("/services/data/")) {
			exchange.getResponseHeaders()
				.set("Sforce-Limit-Info", "api-usage=" + this.apiUsage.incrementAndGet() + "/" + this.apiMax);
		}
		exchange.sendResponseHeaders(response.status(), (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

	private Response answer(Request request) {
		synchronized (this.routes) {
			for (Map.Entry<String, Deque<Function<Request, Response>>> route : this.routes.entrySet()) {
				if (matches(route.getKey(), request)) {
					Deque<Function<Request, Response>> queue = route.getValue();
					Function<Request, Response> next = (queue.size() > 1) ? queue.poll() : queue.peek();
					return next.apply(request);
				}
			}
		}
		return new Response(404, "[{\"message\":\"The requested resource does not exist\",\"errorCode\":\"NOT_FOUND\"}]");
	}

	private static boolean matches(String route, Request request) {
		String[] parts = route.split(" ", 2);
		if (!parts[0].equals(request.method())) {
			return false;
		}
		return parts[1].endsWith("*") ? request.path().startsWith(parts[1].substring(0, parts[1].length() - 1))
				: parts[1].equals(request.path());
	}

	private static Map<String, String> firstHeaders(HttpExchange exchange) {
		Map<String, String> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
		return headers;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** One request as the server saw it. */
	record Request(String method, String path, String rawQuery, Map<String, String> headers, String body) {

		String header(String name) {
			return headers.get(name.toLowerCase());
		}

		/** A decoded query or form parameter. */
		String param(String name) {
			String source = "GET".equals(method) || "DELETE".equals(method) ? rawQuery : body;
			if (source == null) {
				return null;
			}
			for (String pair : source.split("&")) {
				int eq = pair.indexOf('=');
				String key = URLDecoder.decode(pair.substring(0, Math.max(eq, 0)), StandardCharsets.UTF_8);
				if (eq > 0 && key.equals(name)) {
					return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				}
			}
			return null;
		}

	}

	/** One scripted answer. */
	record Response(int status, String body, long delayMillis) {

		Response(int status, String body) {
			this(status, body, 0);
		}

	}

}
