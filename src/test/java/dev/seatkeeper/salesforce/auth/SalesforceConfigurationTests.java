package dev.seatkeeper.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import dev.seatkeeper.salesforce.SalesforceConnection;
import dev.seatkeeper.salesforce.SalesforceFixtures;
import dev.seatkeeper.salesforce.SalesforceProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The Salesforce beans in the application context, with the encryption key from configuration. */
@SpringBootTest(properties = "seatkeeper.security.token-encryption-key=" + SalesforceFixtures.ENCRYPTION_KEY)
@ActiveProfiles("test")
class SalesforceConfigurationTests {

	@Autowired
	ApplicationContext context;

	@Test
	void sharedSalesforceBeansAreWired() {
		assertThat(this.context.getBean(SalesforceClientFactory.class)).isNotNull();
		assertThat(this.context.getBean(AuthorizationCodeExchange.class)).isNotNull();
	}

	/** Big orgs' LoginHistory queries run for minutes before Salesforce answers (or says QUERY_TIMEOUT). */
	@Test
	void connectionsWaitAtLeastTwoMinutesForAnAnswerByDefault() {
		SalesforceProperties properties = this.context.getBean(SalesforceProperties.class);
		SalesforceConnection profile = SalesforceConnection.of("acme", URI.create("https://acme.my.salesforce.com"),
				SalesforceConnection.DEFAULT_API_VERSION, SalesforceFixtures.clientCredentials());

		assertThat(properties.readTimeout()).isGreaterThanOrEqualTo(Duration.ofSeconds(120));
		assertThat(properties.applyTo(profile).readTimeout()).isGreaterThanOrEqualTo(Duration.ofSeconds(120));
		assertThat(profile.readTimeout()).isGreaterThanOrEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void tokenStoreUsesTheConfiguredKeyAndTheMigratedTable() {
		SalesforceTokenStore store = this.context.getBean(SalesforceTokenStore.class);

		store.saveAuthorization("wiring", "00D!access", "5Aep861refresh", URI.create("https://acme.my.salesforce.com"));

		assertThat(store.load("wiring").orElseThrow().refreshToken().getTokenValue()).isEqualTo("5Aep861refresh");
	}

}
