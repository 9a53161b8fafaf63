package dev.seatkeeper.sandbox.http;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.seatkeeper.sandbox.auth.Sessions;
import dev.seatkeeper.sandbox.fault.Faults;
import dev.seatkeeper.sandbox.fault.RequestLog;
import dev.seatkeeper.sandbox.limits.ApiUsage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Every request passes here: faults first (delay, forced 5xx), then OAuth or the API pipeline — session check
 * (401 INVALID_SESSION_ID), concurrent long-running requests and budget (403 REQUEST_LIMIT_EXCEEDED, "ConcurrentRequests"
 * or "TotalRequests"), {@code Sforce-Limit-Info} — then the resource.
 * Each answered request goes to the request log (without the query string of token and revoke calls, which may
 * carry a token). {@code /__sandbox/} bypasses all of it.
 */
final class SandboxRouter implements HttpHandler {

	private static final Pattern API = Pattern.compile("/services/data/v(\\d+)\\.(\\d)(?:/(.*))?");

	/** The OpenID Connect UserInfo endpoint: who the bearer of a token is. */
	static final String USER_INFO = "/services/oauth2/userinfo";

	private final Handlers handlers;

	private final Sessions sessions;

	private final ApiUsage usage;

	private final Faults faults;

	private final RequestLog log;

	private final Supplier<String> baseUrl;

	SandboxRouter(Handlers handlers, Sessions sessions, ApiUsage usage, Faults faults, RequestLog log,
			Supplier<String> baseUrl) {
		this.handlers = handlers;
		this.sessions = sessions;
		this.usage = usage;
		this.faults = faults;
		this.log = log;
		this.baseUrl = baseUrl;
	}

	/** The resource handlers the router dispatches to. */
	record Handlers(OAuthHandler oauth, SoapLoginHandler soapLogin, InfoHandler info, QueryHandler query, SObjectHandler sobjects,
			CompositeHandler composite, AdminHandler admin) {
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if (path.startsWith("/__sandbox/")) {
			try (exchange) {
				this.handlers.admin().handle(exchange, path);
			}
			return;
		}
		String raw = path.startsWith("/services/oauth2/") && !path.endsWith("/authorize") ? null
				: exchange.getRequestURI().getRawQuery();
		LoggedExchange logged = new LoggedExchange(exchange, this.log, path + (raw != null ? "?" + raw : ""),
				Instant.now());
		try {
			serve(logged, path);
		}
		catch (JacksonException ex) {
			HttpIo.error(logged, 400, "JSON_PARSER_ERROR", "The request body is not valid JSON");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			if (logged.getResponseCode() < 0) {
				HttpIo.error(logged, 500, "UNKNOWN_EXCEPTION", "An unexpected error occurred: " + ex.getClass().getSimpleName());
			}
		}
		finally {
			logged.logIfUnanswered();
			logged.close();
		}
	}

	private void serve(HttpExchange exchange, String path) throws IOException, InterruptedException {
		Faults.Disruption disruption = this.faults.nextCall();
		if (disruption.delayMs() > 0) {
			Thread.sleep(disruption.delayMs());
		}
		if (path.startsWith("/services/data/") || path.startsWith("/id/") || USER_INFO.equals(path)) {
			exchange.getResponseHeaders().set("Sforce-Limit-Info", this.usage.header());
		}
		if (disruption.failStatus() == 503) {
			HttpIo.error(exchange, 503, "SERVER_UNAVAILABLE", "Server temporarily unavailable. Please try again.");
		}
		else if (disruption.failStatus() != 0) {
			HttpIo.error(exchange, 500, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this "
					+ "ErrorId if you contact support: 1917330442-4520 (-1274651584)");
		}
		else if (USER_INFO.equals(path)) {
			api(exchange, path);
		}
		else if (path.startsWith("/services/oauth2/")) {
			this.handlers.oauth().handle(exchange, path, this.baseUrl.get());
		}
		else if (path.startsWith("/services/Soap/u/")) {
			this.handlers.soapLogin().handle(exchange, path, this.baseUrl.get());
		}
		else if ("/services/data".equals(path) || "/services/data/".equals(path)) {
			this.handlers.info().versions(exchange);
		}
		else if (path.startsWith("/services/data/") || path.startsWith("/id/")) {
			api(exchange, path);
		}
		else {
			HttpIo.notFound(exchange);
		}
	}

	private void api(HttpExchange exchange, String path) throws IOException {
		this.faults.sessionsExpireBefore();
		Sessions.Session session = session(exchange);
		if (session == null) {
			HttpIo.error(exchange, 401, "INVALID_SESSION_ID", "Session expired or invalid");
			return;
		}
		long ticket = this.faults.beginRequest();
		if (ticket < 0) {
			HttpIo.error(exchange, 403, "REQUEST_LIMIT_EXCEEDED", "ConcurrentRequests (Concurrent API Requests) Limit exceeded.");
			return;
		}
		try {
			served(exchange, path, session);
		}
		finally {
			this.faults.endRequest(ticket);
		}
	}

	private void served(HttpExchange exchange, String path, Sessions.Session session) throws IOException {
		if (!this.usage.tryAcquire()) {
			HttpIo.error(exchange, 403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
			return;
		}
		exchange.getResponseHeaders().set("Sforce-Limit-Info", this.usage.header());
		if (USER_INFO.equals(path)) {
			this.handlers.info().userInfo(new ApiCall(exchange, session, "62.0", ""), this.baseUrl.get());
			return;
		}
		if (path.startsWith("/id/")) {
			String[] parts = path.split("/");
			ApiCall call = new ApiCall(exchange, session, "62.0", "");
			if (parts.length == 4) {
				this.handlers.info().identity(call, this.baseUrl.get(), parts[2], parts[3]);
			}
			else {
				HttpIo.notFound(exchange);
			}
			return;
		}
		Matcher matcher = API.matcher(path);
		int major = matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
		if (major >= InfoHandler.FIRST_VERSION && major < InfoHandler.OLDEST_VERSION) {
			// Retired versions (7.0-20.0 since Summer '22, 21.0-30.0 since Summer '25) are gone, not unknown.
			HttpIo.error(exchange, 410, "GONE", "API version " + major + "." + matcher.group(2)
					+ " has been retired and is no longer available. Use version " + InfoHandler.OLDEST_VERSION
					+ ".0 or later.");
			return;
		}
		if (major < InfoHandler.OLDEST_VERSION || major > InfoHandler.NEWEST_VERSION) {
			HttpIo.notFound(exchange);
			return;
		}
		String rest = matcher.group(3) == null ? "" : matcher.group(3);
		rest = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
		dispatch(new ApiCall(exchange, session, major + "." + matcher.group(2), rest));
	}

	private void dispatch(ApiCall call) throws IOException {
		String rest = call.rest();
		if (rest.isEmpty()) {
			this.handlers.info().resources(call, this.baseUrl.get());
		}
		else if ("limits".equals(rest)) {
			this.handlers.info().limits(call);
		}
		else if ("query".equals(rest) || rest.startsWith("query/")) {
			this.handlers.query().handle(call, false);
		}
		else if ("queryAll".equals(rest) || rest.startsWith("queryAll/")) {
			this.handlers.query().handle(call, true);
		}
		else if ("sobjects".equals(rest)) {
			this.handlers.info().sobjects(call);
		}
		else if (rest.startsWith("sobjects/")) {
			this.handlers.sobjects().handle(call);
		}
		else if (rest.startsWith("composite/")) {
			this.handlers.composite().handle(call);
		}
		else {
			HttpIo.notFound(call.exchange());
		}
	}

	/** The session of {@code Authorization: Bearer <token>} (or the older {@code OAuth <token>}), or null. */
	private Sessions.@Nullable Session session(HttpExchange exchange) {
		String header = exchange.getRequestHeaders().getFirst("Authorization");
		if (header == null) {
			return null;
		}
		for (String scheme : new String[] { "Bearer ", "OAuth " }) {
			if (header.regionMatches(true, 0, scheme, 0, scheme.length())) {
				return this.sessions.session(header.substring(scheme.length()).trim());
			}
		}
		return null;
	}

}
