package dev.seatkeeper.salesforce.auth;

import java.net.URI;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * Where a session keeps its tokens and instance URL. The refresh-token flow needs them across runs (the encrypted
 * {@link SalesforceTokenStore}); client credentials and JWT bearer can always ask again, so their tokens live only
 * in memory ({@link InMemoryTokenRepository}) and no encryption key is needed for them.
 */
public interface TokenRepository {

	Optional<StoredAuthorization> load(String profile);

	/** Saves tokens; a {@code null} refresh token keeps the stored one, a new one replaces it. */
	void saveTokens(String profile, String principalName, OAuth2AccessToken accessToken,
			@Nullable OAuth2RefreshToken refreshToken);

	void saveInstanceUrl(String profile, String principalName, URI instanceUrl);

	/** Marks the access token expired while keeping the refresh token. */
	void invalidateAccessToken(String profile);

	void remove(String profile);

}
