package dev.seatkeeper.salesforce.auth;

import java.net.URI;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * Wraps a token response client so that every token response's {@code instance_url} is validated before Spring
 * Security stores its tokens, and kept in the token store next to them: the API host for all calls, and for the
 * refresh flow across restarts. A rejected URL fails the authorization; the tokens are not saved. The response's
 * {@code id} (who the token runs as) goes to a listener.
 */
final class InstanceUrlRecordingTokenResponseClient<T extends AbstractOAuth2AuthorizationGrantRequest>
		implements OAuth2AccessTokenResponseClient<T> {

	private final OAuth2AccessTokenResponseClient<T> delegate;

	private final InstanceUrlPolicy policy;

	private final TokenRepository store;

	private final Consumer<@Nullable Object> identityListener;

	InstanceUrlRecordingTokenResponseClient(OAuth2AccessTokenResponseClient<T> delegate, InstanceUrlPolicy policy,
			TokenRepository store, Consumer<@Nullable Object> identityListener) {
		this.delegate = delegate;
		this.policy = policy;
		this.store = store;
		this.identityListener = identityListener;
	}

	@Override
	public OAuth2AccessTokenResponse getTokenResponse(T grantRequest) {
		OAuth2AccessTokenResponse response = this.delegate.getTokenResponse(grantRequest);
		URI instanceUrl = this.policy
			.validate(response.getAdditionalParameters().get(SalesforceTokenResponseConverter.INSTANCE_URL));
		String profile = grantRequest.getClientRegistration().getRegistrationId();
		this.store.saveInstanceUrl(profile, profile, instanceUrl);
		this.identityListener.accept(response.getAdditionalParameters().get(SalesforceTokenResponseConverter.ID));
		return response;
	}

}
