package dev.seatkeeper.salesforce.auth;

import java.time.Duration;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The {@link RestClient} our token response clients use against {@code /services/oauth2/token}: form
 * requests, Salesforce-aware token responses ({@link SalesforceTokenResponseConverter}) and OAuth2 error bodies
 * ({@code invalid_grant} with its {@code error_description}) turned into {@code OAuth2AuthorizationException}.
 */
final class TokenEndpoint {

	private TokenEndpoint() {
	}

	/** A token response client for any grant type, on the given token RestClient. */
	static <T extends AbstractOAuth2AuthorizationGrantRequest> OAuth2AccessTokenResponseClient<T> client(
			RestClient restClient) {
		return new MaskedFormTokenResponseClient<>(restClient);
	}

	static RestClient restClient(ClientHttpRequestFactory requestFactory, Duration tokenLifetime) {
		OAuth2AccessTokenResponseHttpMessageConverter tokenConverter = new OAuth2AccessTokenResponseHttpMessageConverter();
		tokenConverter.setAccessTokenResponseConverter(new SalesforceTokenResponseConverter(tokenLifetime));
		return RestClient.builder()
			.requestFactory(requestFactory)
			.configureMessageConverters((converters) -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(tokenConverter))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build();
	}

}
