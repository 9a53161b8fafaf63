package dev.seatkeeper.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.seatkeeper.salesforce.SalesforceConnection.Auth;
import dev.seatkeeper.salesforce.auth.SalesforceTokenStore;
import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Secrets stay out of logs and exception messages, even with every logger at DEBUG (logback's default without a
 * configuration) and with failures logged the way a step does: message and stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class SalesforceSecretsInLogsTests {

	private static final Logger logger = LoggerFactory.getLogger(SalesforceSecretsInLogsTests.class);

	private static final String ACCESS_TOKEN = "accessTokenOne";

	private static final String REFRESH_TOKEN = "5Aep861storedRefreshTokenValue";

	private final FakeSalesforce salesforce = FakeSalesforce.start();

	private final SalesforceTokenStore store = SalesforceFixtures.h2Store();

	private Level rootLevel;

	@BeforeEach
	void logEverythingAtDebug() {
		ch.qos.logback.classic.Logger root = rootLogger();
		this.rootLevel = root.getLevel();
		root.setLevel(Level.DEBUG);
	}

	@AfterEach
	void stop() {
		this.salesforce.close();
		rootLogger().setLevel(this.rootLevel);
	}

	private static ch.qos.logback.classic.Logger rootLogger() {
		return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
	}

	@Test
	void authenticationFailureLogsNoSecret(CapturedOutput output) {
		this.salesforce.on("POST", "/services/oauth2/token", 400, "token-error-invalid-grant.json");
		SalesforceConnection connection = SalesforceFixtures.connection(this.salesforce,
				SalesforceFixtures.clientCredentials());
		SalesforceClient client = SalesforceFixtures.factory(this.store).connect(connection);

		Throwable failure = catchThrowable(() -> client.queryPage("SELECT Id FROM User"));
		logger.error("Step failed for {}", connection, failure);

		assertThat(failure).isInstanceOf(SalesforceAuthenticationException.class);
		assertThat(output).contains("expired access/refresh token")
			.doesNotContain(SalesforceFixtures.CLIENT_SECRET);
	}

	@Test
	void refreshFailureLogsNeitherRefreshTokenNorSecret(CapturedOutput output) {
		this.store.saveAuthorization("acme", "00D!" + ACCESS_TOKEN, REFRESH_TOKEN, this.salesforce.url());
		this.store.invalidateAccessToken("acme");
		this.salesforce.on("POST", "/services/oauth2/token", 400, "token-error-invalid-grant.json");
		SalesforceClient client = SalesforceFixtures.factory(this.store)
			.connect(SalesforceFixtures.connection(this.salesforce,
					Auth.refreshToken("3MVG9clientId", Secret.of(SalesforceFixtures.CLIENT_SECRET))));

		Throwable failure = catchThrowable(() -> client.queryPage("SELECT Id FROM User"));
		logger.error("Step failed", failure);

		assertThat(this.salesforce.tokenRequests().get(0).param("refresh_token")).isEqualTo(REFRESH_TOKEN);
		assertThat(output).contains("invalid_grant")
			.doesNotContain(REFRESH_TOKEN)
			.doesNotContain(ACCESS_TOKEN)
			.doesNotContain(SalesforceFixtures.CLIENT_SECRET);
	}

	@Test
	void failedApiCallsLogNoToken(CapturedOutput output) {
		this.salesforce.token("token-response.json")
			.on("GET", "/services/data/v62.0/query", 500, "error-server.json")
			.on("GET", "/services/data/v62.0/limits", 401, "error-invalid-session.json");
		SalesforceClient client = SalesforceFixtures.factory(this.store)
			.connect(SalesforceFixtures.connection(this.salesforce, SalesforceFixtures.clientCredentials()));

		logger.error("Query failed", catchThrowable(() -> client.queryPage("SELECT Id FROM User")));
		logger.error("Limits failed", catchThrowable(client::limits));

		assertThat(output).contains("DEBUG")
			.contains("UNKNOWN_EXCEPTION")
			.contains("INVALID_SESSION_ID")
			.doesNotContain(ACCESS_TOKEN)
			.doesNotContain(SalesforceFixtures.CLIENT_SECRET);
	}

	@Test
	void connectionSettingsPrintNoSecret() {
		SalesforceConnection connection = SalesforceFixtures.connection(this.salesforce,
				Auth.jwtBearer("3MVG9clientId", "integration@acme.com", Secret.of("-----BEGIN PRIVATE KEY-----MIIEv")));

		assertThat(connection.toString()).doesNotContain("MIIEv").contains("******");
		assertThat(SalesforceFixtures.clientCredentials().toString()).doesNotContain(SalesforceFixtures.CLIENT_SECRET);
	}

}
