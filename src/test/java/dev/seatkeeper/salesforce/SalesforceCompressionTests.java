package dev.seatkeeper.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import dev.seatkeeper.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The client asks for compressed answers and reads them as they stream in; switched off
 * ({@code seatkeeper.salesforce.compression=false}) it asks for none, which is how "before" is measured.
 */
class SalesforceCompressionTests {

	static final Instant NOW = Instant.parse("2026-11-25T14:03:07Z");

	static final KeyedQuery USERS = KeyedQuery.byId("User",
			List.of("Id", "Username", "Email", "Name", "IsActive", "LastLoginDate", "Profile.UserLicense.LicenseDefinitionKey"),
			null, 100_000);

	static Sandbox sandbox;

	@BeforeAll
	static void start() {
		sandbox = Sandbox.builder().users(3000).now(NOW).build().start();
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void answersArriveCompressedAndReadTheSameAsPlainOnes() {
		sandbox.requests().clear();
		List<JsonNode> compressed = readAll(SandboxClients.connect(sandbox));
		long compressedBytes = sandbox.requests().responseBytes();
		sandbox.requests().clear();
		List<JsonNode> plain = readAll(connect(false));
		long plainBytes = sandbox.requests().responseBytes();

		assertThat(compressed).hasSize(3000).isEqualTo(plain);
		assertThat(compressedBytes).isLessThan(plainBytes / 3);
	}

	@Test
	void requestsSayWhichEncodingsTheClientReads() {
		try (FakeSalesforce salesforce = FakeSalesforce.start()) {
			salesforce.token("token-response.json").on("GET", "/services/data/v62.0/limits", 200, "limits.json");
			SalesforceFixtures.factory(SalesforceFixtures.h2Store())
				.connect(SalesforceFixtures.connection(salesforce, SalesforceFixtures.clientCredentials()))
				.limits();
			SalesforceFixtures.factory(SalesforceFixtures.h2Store())
				.connect(SalesforceFixtures.connection(salesforce, SalesforceFixtures.clientCredentials())
					.withCompression(false))
				.limits();

			List<FakeSalesforce.Request> calls = salesforce.requests("/services/data/");
			assertThat(calls).hasSize(2);
			assertThat(calls.get(0).header("Accept-Encoding")).contains("gzip");
			assertThat(calls.get(1).header("Accept-Encoding")).isNull();
		}
	}

	private static List<JsonNode> readAll(SalesforceClient client) {
		return client.queryKeyed(USERS, null).toList();
	}

	private static SalesforceClient connect(boolean compression) {
		SalesforceConnection connection = SalesforceConnection
			.of("acme", java.net.URI.create(sandbox.baseUrl()), "62.0",
					SalesforceConnection.Auth.clientCredentials(sandbox.clientApp().clientId(),
							Secret.of(sandbox.clientApp().clientSecret())))
			.withAllowLoopback(true)
			.withRetry(SalesforceFixtures.FAST_RETRY)
			.withCompression(compression);
		return SalesforceFixtures.factory(SalesforceFixtures.h2Store()).connect(connection);
	}

}
