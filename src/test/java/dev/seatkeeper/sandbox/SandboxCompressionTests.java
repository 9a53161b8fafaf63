package dev.seatkeeper.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Salesforce compresses an answer only when the request asks for it ({@code Accept-Encoding}) and says so in
 * {@code Content-Encoding}; the sandbox does the same and counts the body bytes it put on the wire.
 */
class SandboxCompressionTests {

	static final Instant NOW = Instant.parse("2026-11-25T14:03:07Z");

	static final String USERS = SandboxHttp.V + "/query?q="
			+ URLEncoder.encode("SELECT Id, Username, Email FROM User", StandardCharsets.UTF_8);

	static Sandbox sandbox;

	static String token;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		sandbox = Sandbox.builder().users(2000).now(NOW).build().start();
		token = sandbox.issueAccessToken();
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void answersAreSentPlainUnlessCompressionIsAskedFor() throws Exception {
		HttpResponse<byte[]> plain = get(USERS, null);

		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(SandboxHttp.JSON.readTree(plain.body()).path("records").size()).isEqualTo(2000);
	}

	@Test
	void gzipIsSentWhenAskedForAndCountedAsItWentOnTheWire() throws Exception {
		sandbox.requests().clear();
		HttpResponse<byte[]> plain = get(USERS, null);
		long plainBytes = sandbox.requests().responseBytes();
		sandbox.requests().clear();
		HttpResponse<byte[]> gzipped = get(USERS, "gzip, deflate");
		long gzippedBytes = sandbox.requests().responseBytes();

		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes();
		JsonNode page = SandboxHttp.JSON.readTree(unzipped);
		assertThat(page.path("records")).isEqualTo(SandboxHttp.JSON.readTree(plain.body()).path("records"));
		assertThat(plainBytes).isEqualTo(plain.body().length);
		assertThat(gzippedBytes).isEqualTo(gzipped.body().length).isLessThan(plainBytes / 3);
	}

	@Test
	void deflateIsSentWhenOnlyDeflateIsAcceptedAndNothingWhenGzipIsRefused() throws Exception {
		HttpResponse<byte[]> deflated = get(USERS, "deflate");
		HttpResponse<byte[]> refused = get(USERS, "gzip;q=0");

		assertThat(deflated.headers().firstValue("Content-Encoding")).hasValue("deflate");
		byte[] inflated = new InflaterInputStream(new ByteArrayInputStream(deflated.body())).readAllBytes();
		assertThat(SandboxHttp.JSON.readTree(inflated).path("totalSize").asInt()).isEqualTo(2000);
		assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
	}

	@Test
	void errorsAreCompressedTooAndEmptyAnswersAreNot() throws Exception {
		HttpResponse<byte[]> error = get(SandboxHttp.V + "/query?q=SELECT+Foo+FROM+User", "gzip");
		HttpResponse<byte[]> versions = get("/services/data", "gzip");

		assertThat(error.statusCode()).isEqualTo(400);
		assertThat(error.headers().firstValue("Content-Encoding")).hasValue("gzip");
		String body = new String(new GZIPInputStream(new ByteArrayInputStream(error.body())).readAllBytes(),
				StandardCharsets.UTF_8);
		assertThat(body).contains("INVALID_FIELD");
		assertThat(versions.statusCode()).isEqualTo(200);
	}

	private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl() + path))
			.header("Authorization", "Bearer " + token);
		if (acceptEncoding != null) {
			request.header("Accept-Encoding", acceptEncoding);
		}
		return this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
