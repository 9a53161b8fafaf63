package dev.seatkeeper.salesforce.auth;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/** Tokens of flows that can always re-authenticate, kept for the life of the process only. Thread-safe. */
public final class InMemoryTokenRepository implements TokenRepository {

	private final Map<String, StoredAuthorization> authorizations = new ConcurrentHashMap<>();

	@Override
	public Optional<StoredAuthorization> load(String profile) {
		return Optional.ofNullable(this.authorizations.get(profile));
	}

	@Override
	public void saveTokens(String profile, String principalName, OAuth2AccessToken accessToken,
			@Nullable OAuth2RefreshToken refreshToken) {
		this.authorizations.compute(profile, (name, stored) -> new StoredAuthorization(profile, principalName,
				accessToken, (refreshToken != null) ? refreshToken : (stored != null) ? stored.refreshToken() : null,
				(stored != null) ? stored.instanceUrl() : null));
	}

	@Override
	public void saveInstanceUrl(String profile, String principalName, URI instanceUrl) {
		this.authorizations.compute(profile, (name, stored) -> new StoredAuthorization(profile, principalName,
				(stored != null) ? stored.accessToken() : null, (stored != null) ? stored.refreshToken() : null,
				instanceUrl));
	}

	@Override
	public void invalidateAccessToken(String profile) {
		this.authorizations.computeIfPresent(profile, (name, stored) -> new StoredAuthorization(profile,
				stored.principalName(), expired(stored.accessToken()), stored.refreshToken(), stored.instanceUrl()));
	}

	@Override
	public void remove(String profile) {
		this.authorizations.remove(profile);
	}

	private static @Nullable OAuth2AccessToken expired(@Nullable OAuth2AccessToken token) {
		if (token == null) {
			return null;
		}
		return new OAuth2AccessToken(token.getTokenType(), token.getTokenValue(), Instant.EPOCH, Instant.EPOCH.plusMillis(1),
				token.getScopes());
	}

}
