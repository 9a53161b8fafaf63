package dev.seatkeeper.salesforce.auth;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Spring Security's view of a {@link TokenRepository}: what the authorized-client manager loads, saves after
 * every token response (including a rotated refresh token) and removes after {@code invalid_grant}. Stateless and
 * thread-safe.
 */
final class StoredAuthorizedClientService implements OAuth2AuthorizedClientService {

	private final ClientRegistrationRepository registrations;

	private final TokenRepository store;

	StoredAuthorizedClientService(ClientRegistrationRepository registrations, TokenRepository store) {
		this.registrations = registrations;
		this.store = store;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
			String principalName) {
		ClientRegistration registration = this.registrations.findByRegistrationId(clientRegistrationId);
		if (registration == null) {
			return null;
		}
		return (T) this.store.load(clientRegistrationId)
			.filter((stored) -> stored.accessToken() != null)
			.map((stored) -> new OAuth2AuthorizedClient(registration, principalName, stored.accessToken(),
					stored.refreshToken()))
			.orElse(null);
	}

	@Override
	public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal) {
		this.store.saveTokens(authorizedClient.getClientRegistration().getRegistrationId(), principal.getName(),
				authorizedClient.getAccessToken(), authorizedClient.getRefreshToken());
	}

	@Override
	public void removeAuthorizedClient(String clientRegistrationId, String principalName) {
		this.store.remove(clientRegistrationId);
	}

}
