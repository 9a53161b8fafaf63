package dev.seatkeeper.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PushgatewayTests {

	@Test
	void plainLabelValuesArePathSegmentsAndOthersUseTheBase64Form() {
		Pushgateway gateway = new Pushgateway(URI.create("http://pushgateway.monitoring:9091"), "seatkeeper", Duration.ofSeconds(1));
		Map<String, String> key = new LinkedHashMap<>();
		key.put("profile", "acme-prod");
		key.put("run_date", "2026-11-27");
		key.put("team", "sales/emea");
		key.put("empty", "");

		assertThat(gateway.groupUri(key)).hasToString("http://pushgateway.monitoring:9091/metrics/job/seatkeeper"
				+ "/profile/acme-prod/run_date/2026-11-27/team@base64/c2FsZXMvZW1lYQ==/empty@base64/=");
	}

	@Test
	void aBaseUrlWithAPathKeepsIt() {
		Pushgateway gateway = new Pushgateway(URI.create("https://monitoring.example.com/pushgateway"), "seatkeeper",
				Duration.ofSeconds(1));

		assertThat(gateway.groupUri(Map.of("profile", "acme")))
			.hasToString("https://monitoring.example.com/pushgateway/metrics/job/seatkeeper/profile/acme");
	}

	@Test
	void anUnreachablePushgatewayIsReportedNotThrown() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		Pushgateway gateway = new Pushgateway(URI.create("http://127.0.0.1:" + closedPort), "seatkeeper", Duration.ofSeconds(2));

		assertThat(gateway.push(Map.of("profile", "acme"), "seatkeeper_run_api_calls{profile=\"acme\"} 3.0\n")).isFalse();
	}

}
