package dev.seatkeeper.sandbox.http;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import dev.seatkeeper.sandbox.auth.OAuthException;
import dev.seatkeeper.sandbox.auth.Sessions;
import dev.seatkeeper.sandbox.auth.TokenService;
import org.jspecify.annotations.Nullable;

/**
 * {@code /services/oauth2/token}, {@code /authorize} and {@code /revoke}. OAuth errors are single objects
 * ({@code {"error","error_description"}}), not the API's error arrays.
 */
final class OAuthHandler {

	private final TokenService tokens;

	private final Sessions sessions;

	OAuthHandler(TokenService tokens, Sessions sessions) {
		this.tokens = tokens;
		this.sessions = sessions;
	}

	void handle(HttpExchange exchange, String path, String baseUrl) throws IOException {
		try {
			switch (path) {
				case "/services/oauth2/token" -> token(exchange, baseUrl);
				case "/services/oauth2/authorize" -> authorize(exchange);
				case "/services/oauth2/revoke" -> revoke(exchange);
				default -> HttpIo.notFound(exchange);
			}
		}
		catch (OAuthException ex) {
			HttpIo.json(exchange, 400, new OAuthError(ex.error(), ex.getMessage()));
		}
	}

	private void token(HttpExchange exchange, String baseUrl) throws IOException {
		if (!"POST".equals(exchange.getRequestMethod())) {
			HttpIo.methodNotAllowed(exchange, "POST");
			return;
		}
		Map<String, String> form = HttpIo.decode(new String(HttpIo.body(exchange), StandardCharsets.UTF_8));
		HttpIo.json(exchange, 200, this.tokens.token(form, basic(exchange), baseUrl));
	}

	private void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> params = HttpIo.query(exchange);
		String redirect = params.getOrDefault("redirect_uri", "");
		String code = this.tokens.authorize(params.getOrDefault("client_id", ""), redirect, params.get("login_hint"),
				params.getOrDefault("scope", "api refresh_token"));
		StringBuilder location = new StringBuilder(redirect).append(redirect.contains("?") ? '&' : '?');
		if (!"code".equals(params.get("response_type"))) {
			location.append("error=unsupported_response_type&error_description=")
				.append(encode("response type not supported"));
		}
		else {
			location.append("code=").append(encode(code));
		}
		if (params.containsKey("state")) {
			location.append("&state=").append(encode(params.get("state")));
		}
		exchange.getResponseHeaders().set("Location", location.toString());
		exchange.sendResponseHeaders(302, -1);
		exchange.close();
	}

	private void revoke(HttpExchange exchange) throws IOException {
		Map<String, String> params = HttpIo.query(exchange);
		if ("POST".equals(exchange.getRequestMethod())) {
			params.putAll(HttpIo.decode(new String(HttpIo.body(exchange), StandardCharsets.UTF_8)));
		}
		if (!this.sessions.revoke(params.getOrDefault("token", ""))) {
			throw new OAuthException("unsupported_token_type", "this token type is not supported");
		}
		exchange.sendResponseHeaders(200, -1);
		exchange.close();
	}

	/** The OAuth error body, in Salesforce's field order. */
	record OAuthError(String error, String error_description) {
	}

	/** Client id and secret from {@code Authorization: Basic}, or {@code null}. */
	private static String @Nullable [] basic(HttpExchange exchange) {
		String header = exchange.getRequestHeaders().getFirst("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
