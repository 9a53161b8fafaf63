package dev.seatkeeper.salesforce.auth;

import java.time.Clock;

import dev.seatkeeper.salesforce.SalesforceSecurityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Salesforce beans shared by every profile: the encrypted token store, the client factory and the
 * authorization-code exchange for {@code auth login}. Uses the application's {@link Clock} when there is one.
 */
@Configuration(proxyBeanMethods = false)
class SalesforceConfiguration {

	@Bean
	SalesforceTokenStore salesforceTokenStore(JdbcClient jdbcClient, SalesforceSecurityProperties properties,
			ObjectProvider<Clock> clock) {
		return new SalesforceTokenStore(jdbcClient, TokenCipher.fromBase64Key(properties.tokenEncryptionKey()),
				clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	SalesforceClientFactory salesforceClientFactory(RestClient.Builder restClientBuilder,
			SalesforceTokenStore tokenStore, JsonMapper jsonMapper, ObjectProvider<Clock> clock) {
		return new SalesforceClientFactory(restClientBuilder, tokenStore, jsonMapper,
				clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	AuthorizationCodeExchange authorizationCodeExchange(SalesforceTokenStore tokenStore) {
		return new AuthorizationCodeExchange(tokenStore);
	}

}
