package dev.seatkeeper.salesforce.auth;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.DefaultOAuth2TokenRequestHeadersConverter;
import org.springframework.security.oauth2.client.endpoint.DefaultOAuth2TokenRequestParametersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Spring Security's token request (its own header and parameter converters, so every grant type is encoded as Spring
 * does) sent as a {@link MaskedFormParameters} form. Spring's {@code RestClient*TokenResponseClient}s always rebuild
 * the form as a plain map, which RestClient then logs at DEBUG with the client secret and refresh token in it; this
 * client is the same exchange without that leak. Errors surface as {@link OAuth2AuthorizationException}, as with
 * Spring's clients: the OAuth2 error of a 400 ({@code invalid_grant}), else {@code invalid_token_response} with the
 * cause. Stateless and thread-safe.
 */
final class MaskedFormTokenResponseClient<T extends AbstractOAuth2AuthorizationGrantRequest>
		implements OAuth2AccessTokenResponseClient<T> {

	private static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";

	private final DefaultOAuth2TokenRequestHeadersConverter<T> headers = new DefaultOAuth2TokenRequestHeadersConverter<>();

	private final DefaultOAuth2TokenRequestParametersConverter<T> parameters = new DefaultOAuth2TokenRequestParametersConverter<>();

	private final RestClient restClient;

	MaskedFormTokenResponseClient(RestClient restClient) {
		this.restClient = restClient;
	}

	@Override
	public OAuth2AccessTokenResponse getTokenResponse(T grantRequest) {
		MaskedFormParameters form = new MaskedFormParameters(this.parameters.convert(grantRequest));
		OAuth2AccessTokenResponse response;
		try {
			response = this.restClient.post()
				.uri(grantRequest.getClientRegistration().getProviderDetails().getTokenUri())
				.headers((httpHeaders) -> httpHeaders.putAll(this.headers.convert(grantRequest)))
				.body(form)
				.retrieve()
				.body(OAuth2AccessTokenResponse.class);
		}
		catch (RestClientException ex) {
			throw new OAuth2AuthorizationException(new OAuth2Error(INVALID_TOKEN_RESPONSE,
					"The token endpoint failed: " + ex.getClass().getSimpleName(), null), ex);
		}
		if (response == null) {
			throw new OAuth2AuthorizationException(
					new OAuth2Error(INVALID_TOKEN_RESPONSE, "The token endpoint answered without a body", null));
		}
		return response;
	}

}
