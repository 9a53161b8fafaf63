package dev.seatkeeper.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PushgatewayTests {

	private HttpServer server;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
					+ exchange.getRequestHeaders().getFirst("Content-Type") + "\n" + body);
			exchange.sendResponseHeaders(this.status, -1);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void putsTheTextFormatToTheGroupPlainLabelValuesAsPathSegmentsAndOthersInTheBase64Form() {
		Pushgateway gateway = new Pushgateway(URI.create(url()), "seatkeeper", Duration.ofSeconds(2));

		assertThat(gateway.push(Map.of("profile", "acme-prod", "run_date", "2026-11-27", "team", "sales/emea", "empty", ""),
				oneGauge())).isTrue();

		assertThat(this.requests).singleElement().satisfies((request) -> assertThat(request)
			.startsWith("PUT /metrics/job/seatkeeper/empty@base64/=/profile/acme-prod/run_date/2026-11-27"
					+ "/team@base64/c2FsZXMvZW1lYQ== text/plain; version=0.0.4")
			.contains("seatkeeper_run_api_calls 3.0"));
	}

	@Test
	void aBaseUrlWithAPathKeepsIt() {
		Pushgateway gateway = new Pushgateway(URI.create(url() + "/pushgateway/"), "seatkeeper", Duration.ofSeconds(2));

		assertThat(gateway.push(Map.of("profile", "acme"), oneGauge())).isTrue();

		assertThat(this.requests).singleElement()
			.satisfies((request) -> assertThat(request).startsWith("PUT /pushgateway/metrics/job/seatkeeper/profile/acme "));
	}

	@Test
	void aRefusedPushIsReportedNotThrown() {
		this.status = 503;
		Pushgateway gateway = new Pushgateway(URI.create(url()), "seatkeeper", Duration.ofSeconds(2));

		assertThat(gateway.push(Map.of("profile", "acme"), oneGauge())).isFalse();
		assertThat(this.requests).hasSize(1);
	}

	@Test
	void anUnreachablePushgatewayIsReportedNotThrown() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		Pushgateway gateway = new Pushgateway(URI.create("http://127.0.0.1:" + closedPort), "seatkeeper", Duration.ofSeconds(2));

		assertThat(gateway.push(Map.of("profile", "acme"), oneGauge())).isFalse();
	}

	private String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private static MultiCollector oneGauge() {
		return () -> MetricSnapshots.of(GaugeSnapshot.builder()
			.name("seatkeeper_run_api_calls")
			.help("Salesforce API calls this run made")
			.dataPoint(GaugeDataPointSnapshot.builder().value(3).build())
			.build());
	}

}
