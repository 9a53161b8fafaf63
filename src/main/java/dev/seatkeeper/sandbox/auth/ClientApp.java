package dev.seatkeeper.sandbox.auth;

import java.security.PublicKey;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The connected app the sandbox knows: its consumer key and secret, the callback URLs the authorization-code
 * flow may redirect to, the certificate key JWT bearer assertions are checked with (none: signatures are not
 * checked, claims still are), and whether a refresh hands back a new refresh token.
 */
public record ClientApp(String clientId, String clientSecret, Set<String> redirectUris, @Nullable PublicKey jwtKey,
		boolean rotateRefreshTokens) {

	public static final String DEFAULT_CLIENT_ID = "seatkeeper-sandbox";

	public static final String DEFAULT_CLIENT_SECRET = "sandbox-secret";

	public static final String DEFAULT_REDIRECT_URI = "http://localhost:1717/OauthRedirect";

	public ClientApp {
		if (clientId.isBlank() || clientSecret.isBlank()) {
			throw new IllegalArgumentException("'clientId' and 'clientSecret' must not be blank");
		}
		redirectUris = Set.copyOf(redirectUris);
	}

	public static ClientApp defaults() {
		return new ClientApp(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, Set.of(DEFAULT_REDIRECT_URI), null, false);
	}

	public ClientApp withJwtKey(@Nullable PublicKey key) {
		return new ClientApp(this.clientId, this.clientSecret, this.redirectUris, key, this.rotateRefreshTokens);
	}

	public ClientApp withRotatingRefreshTokens(boolean rotate) {
		return new ClientApp(this.clientId, this.clientSecret, this.redirectUris, this.jwtKey, rotate);
	}

	@Override
	public String toString() {
		return "ClientApp[clientId=" + this.clientId + ", clientSecret=******]";
	}

}
