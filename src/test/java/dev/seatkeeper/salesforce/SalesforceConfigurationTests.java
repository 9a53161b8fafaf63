package dev.seatkeeper.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import dev.seatkeeper.salesforce.auth.AuthorizationCodeExchange;
import dev.seatkeeper.salesforce.auth.SalesforceTokenStore;
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

	@Test
	void tokenStoreUsesTheConfiguredKeyAndTheMigratedTable() {
		SalesforceTokenStore store = this.context.getBean(SalesforceTokenStore.class);

		store.saveAuthorization("wiring", "00D!access", "5Aep861refresh", URI.create("https://acme.my.salesforce.com"));

		assertThat(store.load("wiring").orElseThrow().refreshToken().getTokenValue()).isEqualTo("5Aep861refresh");
	}

}
