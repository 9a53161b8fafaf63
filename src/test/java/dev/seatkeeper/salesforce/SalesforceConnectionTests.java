package dev.seatkeeper.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;

import dev.seatkeeper.salesforce.SalesforceConnection.Auth;
import dev.seatkeeper.salesforce.SalesforceConnection.Flow;
import org.junit.jupiter.api.Test;

class SalesforceConnectionTests {

	private static final URI LOGIN = URI.create("https://login.salesforce.com/");

	@Test
	void derivesTheOAuthEndpointsFromTheLoginUrl() {
		SalesforceConnection connection = SalesforceConnection.of("acme", LOGIN, "62.0",
				SalesforceFixtures.clientCredentials());

		assertThat(connection.tokenUri()).isEqualTo(URI.create("https://login.salesforce.com/services/oauth2/token"));
		assertThat(connection.authorizationUri())
			.isEqualTo(URI.create("https://login.salesforce.com/services/oauth2/authorize"));
		assertThat(connection.allowLoopback()).isFalse();
		assertThat(connection.tokenLifetime()).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void eachFlowNeedsItsCredentials() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Auth(Flow.CLIENT_CREDENTIALS, "id", null, null, null))
			.withMessageContaining("clientSecret");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Auth(Flow.JWT_BEARER, "id", null, "user@acme.com", null))
			.withMessageContaining("privateKeyPem");
		assertThat(Auth.refreshToken("id", null).flow()).isEqualTo(Flow.REFRESH_TOKEN);
	}

	@Test
	void rejectsSettingsThatCannotWork() {
		Auth auth = SalesforceFixtures.clientCredentials();
		SalesforceConnection connection = SalesforceConnection.of("acme", LOGIN, "62.0", auth);

		assertThatIllegalArgumentException().isThrownBy(() -> connection.withApiBudgetShare(0));
		assertThatIllegalArgumentException().isThrownBy(() -> connection.withApiBudgetShare(1.5));
		assertThatIllegalArgumentException().isThrownBy(() -> new SalesforceConnection("acme", LOGIN, "62.0", auth,
				false, 0.5, 100, Duration.ofSeconds(1), Duration.ofSeconds(1), SalesforceConnection.RetrySettings.DEFAULTS,
				Duration.ofMinutes(15)))
			.withMessageContaining("batchSize");
		assertThatIllegalArgumentException().isThrownBy(() -> new SalesforceConnection("acme", LOGIN, "62.0", auth,
				false, 0.5, 2000, Duration.ofSeconds(1), Duration.ofSeconds(1), SalesforceConnection.RetrySettings.DEFAULTS,
				Duration.ofSeconds(30)))
			.withMessageContaining("tokenLifetime");
	}

}
