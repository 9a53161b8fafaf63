package dev.seatkeeper.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import dev.seatkeeper.salesforce.SalesforceConnection.Auth;
import dev.seatkeeper.salesforce.auth.SalesforceTokenStore;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.auth.Sessions;
import dev.seatkeeper.sandbox.fault.RequestLog;
import dev.seatkeeper.sandbox.org.OrgTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logging in to an org as strict as Salesforce: the JWT audience a login host implies, who the token runs as, and a
 * retired API version.
 */
class SalesforceLoginTests {

	static KeyPair keys;

	static String pem;

	@BeforeAll
	static void keys() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		keys = generator.generateKeyPair();
		pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
	}

	@Test
	void jwtBearerNamesLoginSalesforceComNotTheLoginUrlAsAudience() {
		try (Sandbox sandbox = Sandbox.builder().users(20).jwtKey(keys.getPublic()).build().start()) {
			SalesforceClient client = connect(sandbox, "62.0",
					Auth.jwtBearer(sandbox.clientApp().clientId(), integrationUsername(sandbox), Secret.of(pem)));

			assertThat(client.queryPage("SELECT COUNT() FROM User").totalSize()).isEqualTo(20);
		}
	}

	@Test
	void jwtBearerTakesAnExplicitAudienceWithoutItsTrailingSlash() {
		try (Sandbox sandbox = Sandbox.builder().users(20).jwtKey(keys.getPublic()).salesforceSandbox(true).build().start()) {
			SalesforceClient client = connect(sandbox, "62.0", Auth.jwtBearer(sandbox.clientApp().clientId(),
					integrationUsername(sandbox), Secret.of(pem), "https://test.salesforce.com/"));

			assertThat(client.queryPage("SELECT COUNT() FROM User").totalSize()).isEqualTo(20);
		}
	}

	@Test
	void theRunningUserComesFromTheTokenResponseNotUserInfo() {
		try (Sandbox sandbox = Sandbox.builder().users(20).build().start()) {
			SalesforceClient client = connect(sandbox, "62.0", Auth.clientCredentials(sandbox.clientApp().clientId(),
					Secret.of(sandbox.clientApp().clientSecret())));

			assertThat(client.runningUserId()).isEqualTo(sandbox.org().integrationUserId());
			assertThat(sandbox.requests().entries()).extracting(RequestLog.Entry::pathAndQuery)
				.containsExactly("/services/oauth2/token");
		}
	}

	@Test
	void aTokenStoredByAnEarlierRunIsRenewedOnceToLearnTheRunningUser() {
		try (Sandbox sandbox = Sandbox.builder().users(20).build().start()) {
			String userId = sandbox.org().table(OrgTypes.USER).record(3).id();
			Sessions.Session session = new Sessions.Session(userId, sandbox.clientApp().clientId(), "api refresh_token");
			SalesforceTokenStore store = SalesforceFixtures.h2Store();
			store.saveAuthorization("acme", sandbox.sessions().issueAccessToken(session),
					sandbox.sessions().issueRefreshToken(session), URI.create(sandbox.baseUrl()));
			SalesforceClient client = SalesforceFixtures.factory(store).connect(connection(sandbox, "62.0",
					Auth.refreshToken(sandbox.clientApp().clientId(), Secret.of(sandbox.clientApp().clientSecret()))));

			assertThat(client.runningUserId()).isEqualTo(userId);
			assertThat(client.runningUserId()).isEqualTo(userId);
			assertThat(sandbox.requests().entries()).extracting(RequestLog.Entry::pathAndQuery)
				.containsExactly("/services/oauth2/token");
		}
	}

	@Test
	void aRetiredApiVersionSaysWhichSettingToChange() {
		try (Sandbox sandbox = Sandbox.builder().users(20).build().start()) {
			SalesforceClient client = connect(sandbox, "30.0", Auth.clientCredentials(sandbox.clientApp().clientId(),
					Secret.of(sandbox.clientApp().clientSecret())));

			assertThatExceptionOfType(SalesforceApiException.class).isThrownBy(client::limits).satisfies((ex) -> {
				assertThat(ex.isRetryable()).isFalse();
				assertThat(ex.getMessage()).contains("HTTP 410")
					.contains("no longer serves this API version")
					.contains("set salesforce.apiVersion in the profile to 66.0");
			});
			assertThat(sandbox.requests().entries()).extracting(RequestLog.Entry::status).containsExactly(200, 410);
		}
	}

	private static String integrationUsername(Sandbox sandbox) {
		return (String) sandbox.org().find(sandbox.org().integrationUserId()).fieldValue("Username");
	}

	private static SalesforceClient connect(Sandbox sandbox, String apiVersion, Auth auth) {
		return SalesforceFixtures.factory(SalesforceFixtures.h2Store()).connect(connection(sandbox, apiVersion, auth));
	}

	private static SalesforceConnection connection(Sandbox sandbox, String apiVersion, Auth auth) {
		return SalesforceConnection.of("acme", URI.create(sandbox.baseUrl()), apiVersion, auth)
			.withAllowLoopback(true)
			.withRetry(SalesforceFixtures.FAST_RETRY);
	}

}
