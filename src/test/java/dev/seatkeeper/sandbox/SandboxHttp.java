package dev.seatkeeper.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A bare HTTP client for sandbox tests: real requests, JSON bodies read as trees. */
final class SandboxHttp {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String V = "/services/data/v62.0";

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String baseUrl;

	private String token;

	SandboxHttp(Sandbox sandbox) {
		this.baseUrl = sandbox.baseUrl();
	}

	/** Logs in with client credentials and keeps the token for later calls. */
	SandboxHttp login() {
		HttpResponse<String> response = form("/services/oauth2/token",
				Map.of("grant_type", "client_credentials", "client_id", "seatkeeper-sandbox", "client_secret", "sandbox-secret"));
		this.token = json(response).path("access_token").asString();
		return this;
	}

	SandboxHttp token(String accessToken) {
		this.token = accessToken;
		return this;
	}

	HttpResponse<String> form(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	HttpResponse<String> get(String path, String... headers) {
		return send(authorized(path, headers).GET());
	}

	HttpResponse<String> query(String soql, String... headers) {
		return get(V + "/query?q=" + encode(soql), headers);
	}

	HttpResponse<String> patch(String path, String json) {
		return send(authorized(path).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
	}

	HttpResponse<String> delete(String path) {
		return send(authorized(path).DELETE());
	}

	HttpResponse<String> post(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	HttpResponse<String> raw(HttpRequest.Builder request) {
		return send(request);
	}

	URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpRequest.Builder authorized(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
