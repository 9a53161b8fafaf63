package dev.seatkeeper.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a group of metrics to a Prometheus Pushgateway: an HTTP {@code PUT} of the text exposition format to
 * {@code /metrics/job/<job>/<label>/<value>...}, which replaces everything the group held before. A push that fails
 * is logged as a warning and otherwise ignored: metrics never fail a run. Thread-safe.
 */
public class Pushgateway {

	/** The Prometheus text exposition format. */
	public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

	private static final Logger logger = LoggerFactory.getLogger(Pushgateway.class);

	private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9_.~-]+");

	private final URI baseUrl;

	private final String job;

	private final Duration timeout;

	private final HttpClient http;

	public Pushgateway(URI baseUrl, String job, Duration timeout) {
		this.baseUrl = baseUrl;
		this.job = job;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	/**
	 * Replaces the group {@code job} plus {@code groupingKey} with the given metrics.
	 * @return whether the Pushgateway accepted them
	 */
	public boolean push(Map<String, String> groupingKey, String metrics) {
		URI target = groupUri(groupingKey);
		HttpRequest request = HttpRequest.newBuilder(target)
			.timeout(this.timeout)
			.header("Content-Type", CONTENT_TYPE)
			.PUT(HttpRequest.BodyPublishers.ofString(metrics, StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 == 2) {
				return true;
			}
			logger.warn("Metrics not pushed to {}: HTTP {} {}", target, response.statusCode(), response.body().strip());
		}
		catch (IOException ex) {
			logger.warn("Metrics not pushed to {}: {}", target, describe(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			logger.warn("Metrics not pushed to {}: interrupted", target);
		}
		return false;
	}

	/** The JDK client's "ConnectException" says nothing; its cause says "Connection refused". */
	private static String describe(Throwable failure) {
		StringBuilder text = new StringBuilder(failure.getClass().getSimpleName());
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null) {
				return text.append(": ").append(cause.getMessage()).toString();
			}
		}
		return text.toString();
	}

	URI groupUri(Map<String, String> groupingKey) {
		StringBuilder path = new StringBuilder("metrics/job").append(segment(this.job));
		groupingKey.forEach((label, value) -> path.append('/').append(label).append(segment(value)));
		String base = this.baseUrl.toString();
		return URI.create(base.endsWith("/") ? base : base + "/").resolve(path.toString());
	}

	/**
	 * A label value as a path segment: as it is when it is plain, else in the Pushgateway's base64url form
	 * ({@code label@base64/value}), which also carries slashes and empty values.
	 */
	private static String segment(String value) {
		if (PLAIN_VALUE.matcher(value).matches()) {
			return "/" + value;
		}
		String encoded = Base64.getUrlEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
		return "@base64/" + (encoded.isEmpty() ? "=" : encoded);
	}

}
