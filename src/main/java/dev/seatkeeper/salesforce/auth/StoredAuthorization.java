package dev.seatkeeper.salesforce.auth;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * What the token store holds for one profile, decrypted. {@code toString()} shows no token value.
 */
public record StoredAuthorization(String profile, String principalName, @Nullable OAuth2AccessToken accessToken,
		@Nullable OAuth2RefreshToken refreshToken, @Nullable URI instanceUrl) {

	@Override
	public String toString() {
		return "StoredAuthorization[profile=" + profile + ", accessToken=" + ((accessToken != null) ? "******" : "none")
				+ ", refreshToken=" + ((refreshToken != null) ? "******" : "none") + ", instanceUrl=" + instanceUrl
				+ "]";
	}

}
