package dev.seatkeeper.salesforce;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import dev.seatkeeper.salesforce.SalesforceConnection.Auth;
import dev.seatkeeper.salesforce.SalesforceConnection.RetrySettings;
import dev.seatkeeper.salesforce.auth.SalesforceClientFactory;
import dev.seatkeeper.salesforce.auth.SalesforceTokenStore;
import dev.seatkeeper.salesforce.auth.TokenCipher;
import dev.seatkeeper.testsupport.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** Connections, stores and factories the client tests share. */
public final class SalesforceFixtures {

	public static final String ENCRYPTION_KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8M=";

	static final String CLIENT_SECRET = "client-secret-7f3a9c1e5b";

	static final RetrySettings FAST_RETRY = new RetrySettings(3, Duration.ofMillis(1), Duration.ofMillis(5));

	private SalesforceFixtures() {
	}

	static SalesforceTokenStore store(DataSource dataSource) {
		return new SalesforceTokenStore(JdbcClient.create(dataSource), TokenCipher.fromBase64Key(ENCRYPTION_KEY),
				Clock.systemUTC());
	}

	static SalesforceTokenStore h2Store() {
		return store(TestDatabase.H2.fresh());
	}

	static SalesforceClientFactory factory(SalesforceTokenStore store) {
		return new SalesforceClientFactory(RestClient.builder(), store, JsonMapper.builder().build(), Clock.systemUTC());
	}

	static SalesforceConnection connection(FakeSalesforce salesforce, Auth auth) {
		return SalesforceConnection.of("acme", salesforce.url(), "62.0", auth)
			.withAllowLoopback(true)
			.withRetry(FAST_RETRY);
	}

	public static Auth clientCredentials() {
		return Auth.clientCredentials("3MVG9clientId", Secret.of(CLIENT_SECRET));
	}

}
