package dev.seatkeeper.observability;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.model.registry.MultiCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a group of metrics to a Prometheus Pushgateway with Prometheus' own {@link PushGateway} exporter: an HTTP
 * {@code PUT} of the text exposition format to {@code /metrics/job/<job>/<label>/<value>...}, which replaces
 * everything the group held before. A push that fails is logged as a one-line warning and otherwise ignored: metrics
 * never fail a run. Thread-safe: each push builds its own exporter, since the grouping key is part of its URL.
 */
public class Pushgateway {

	private static final Logger logger = LoggerFactory.getLogger(Pushgateway.class);

	private final URI baseUrl;

	private final String job;

	private final Duration timeout;

	public Pushgateway(URI baseUrl, String job, Duration timeout) {
		this.baseUrl = baseUrl;
		this.job = job;
		this.timeout = timeout;
	}

	/**
	 * Replaces the group {@code job} plus {@code groupingKey} with the metrics the collector returns.
	 * @return whether the Pushgateway accepted them
	 */
	public boolean push(Map<String, String> groupingKey, MultiCollector metrics) {
		PushGateway.Builder exporter = PushGateway.builder()
			.scheme(Scheme.fromString(this.baseUrl.getScheme()))
			.address(address())
			.job(this.job)
			.format(Format.PROMETHEUS_TEXT)
			.connectionTimeout(this.timeout)
			.readTimeout(this.timeout);
		groupingKey.forEach(exporter::groupingKey);
		try {
			exporter.build().push(metrics);
			return true;
		}
		catch (IOException ex) {
			logger.warn("Metrics not pushed: {}", describe(ex));
			return false;
		}
	}

	/** The exporter's address is {@code host:port} followed by the base URL's path, if it has one. */
	private String address() {
		String path = (this.baseUrl.getRawPath() != null) ? this.baseUrl.getRawPath() : "";
		return this.baseUrl.getRawAuthority() + path.replaceAll("/+$", "");
	}

	/**
	 * The exporter's message names the Pushgateway and the HTTP status or the cause's message ("Connection refused");
	 * the Pushgateway's answer may span lines, the log line does not.
	 */
	private static String describe(IOException failure) {
		String message = (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
		return message.strip().replaceAll("\\s*\\R\\s*", " ");
	}

}
