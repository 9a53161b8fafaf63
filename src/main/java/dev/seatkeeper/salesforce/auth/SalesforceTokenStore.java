package dev.seatkeeper.salesforce.auth;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The JDBC store of every profile's OAuth2 tokens and Salesforce instance URL (table {@code sf_oauth_token}). Access
 * and refresh tokens are encrypted with {@link TokenCipher} before they reach the database; a rotated refresh token
 * replaces the stored one, and a token response without a refresh token keeps the one already stored.
 *
 * <p>{@code auth login} saves the result of its authorization-code exchange here with
 * {@link #saveAuthorization(String, OAuth2AccessTokenResponse)} or
 * {@link #saveAuthorization(String, String, String, URI)}. Thread-safe; every method is one statement.
 */
public class SalesforceTokenStore implements TokenRepository {

	/** How long an access token saved without a known lifetime is trusted (Salesforce's shortest session timeout). */
	static final Duration ASSUMED_LIFETIME = Duration.ofMinutes(15);

	private static final String UPSERT_TOKENS = """
			INSERT INTO sf_oauth_token (registration_id, principal_name, access_token, access_token_type,
				access_token_scopes, access_token_issued_at, access_token_expires_at, refresh_token,
				refresh_token_issued_at, updated_at)
			VALUES (:id, :principal, :access, :type, :scopes, :issued, :expires, :refresh, :refreshIssued, :now)
			ON DUPLICATE KEY UPDATE principal_name = VALUES(principal_name), access_token = VALUES(access_token),
				access_token_type = VALUES(access_token_type), access_token_scopes = VALUES(access_token_scopes),
				access_token_issued_at = VALUES(access_token_issued_at),
				access_token_expires_at = VALUES(access_token_expires_at),
				refresh_token = COALESCE(VALUES(refresh_token), refresh_token),
				refresh_token_issued_at = COALESCE(VALUES(refresh_token_issued_at), refresh_token_issued_at),
				updated_at = VALUES(updated_at)
			""";

	private static final String UPSERT_INSTANCE_URL = """
			INSERT INTO sf_oauth_token (registration_id, principal_name, instance_url, updated_at)
			VALUES (:id, :principal, :url, :now)
			ON DUPLICATE KEY UPDATE instance_url = VALUES(instance_url), updated_at = VALUES(updated_at)
			""";

	private final JdbcClient jdbc;

	private final TokenCipher cipher;

	private final Clock clock;

	public SalesforceTokenStore(JdbcClient jdbc, TokenCipher cipher, Clock clock) {
		Assert.notNull(jdbc, "'jdbc' must not be null");
		Assert.notNull(cipher, "'cipher' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
	}

	/**
	 * Fails before a token is asked for when none could be stored: no or a malformed encryption key.
	 * @throws TokenKeyException saying what to set
	 */
	public void requireKey() {
		this.cipher.requireKey();
	}

	/** The stored authorization of a profile, decrypted, if any. */
	@Override
	public Optional<StoredAuthorization> load(String profile) {
		return this.jdbc.sql("SELECT * FROM sf_oauth_token WHERE registration_id = :id")
			.param("id", profile)
			.query(this::map)
			.optional();
	}

	/**
	 * Saves the token response of an authorization-code exchange (the {@code auth login} bootstrap): tokens and the
	 * {@code instance_url} it carries. Validate the instance URL first with {@link InstanceUrlPolicy}.
	 */
	public void saveAuthorization(String profile, OAuth2AccessTokenResponse response) {
		Object instanceUrl = response.getAdditionalParameters().get(SalesforceTokenResponseConverter.INSTANCE_URL);
		Assert.notNull(instanceUrl, "the token response carries no instance_url");
		saveTokens(profile, profile, response.getAccessToken(), response.getRefreshToken());
		saveInstanceUrl(profile, profile, URI.create(instanceUrl.toString()));
	}

	/** Saves tokens obtained elsewhere; the access token is trusted for 15 minutes. */
	public void saveAuthorization(String profile, String accessToken, @Nullable String refreshToken, URI instanceUrl) {
		Instant now = this.clock.instant();
		OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, now,
				now.plus(ASSUMED_LIFETIME));
		saveTokens(profile, profile, access, (refreshToken != null) ? new OAuth2RefreshToken(refreshToken, now) : null);
		saveInstanceUrl(profile, profile, instanceUrl);
	}

	/** Saves tokens; a {@code null} refresh token keeps the stored one, a new one replaces it. */
	@Override
	public void saveTokens(String profile, String principalName, OAuth2AccessToken accessToken,
			@Nullable OAuth2RefreshToken refreshToken) {
		this.jdbc.sql(UPSERT_TOKENS)
			.param("id", profile)
			.param("principal", principalName)
			.param("access", this.cipher.encrypt(accessToken.getTokenValue()))
			.param("type", accessToken.getTokenType().getValue())
			.param("scopes", String.join(" ", accessToken.getScopes()))
			.param("issued", millis(accessToken.getIssuedAt()))
			.param("expires", millis(accessToken.getExpiresAt()))
			.param("refresh", (refreshToken != null) ? this.cipher.encrypt(refreshToken.getTokenValue()) : null)
			.param("refreshIssued", (refreshToken != null) ? millis(refreshToken.getIssuedAt()) : null)
			.param("now", this.clock.millis())
			.update();
	}

	/** Remembers the instance URL a token response named, for all API calls and later runs. */
	@Override
	public void saveInstanceUrl(String profile, String principalName, URI instanceUrl) {
		this.jdbc.sql(UPSERT_INSTANCE_URL)
			.param("id", profile)
			.param("principal", principalName)
			.param("url", instanceUrl.toString())
			.param("now", this.clock.millis())
			.update();
	}

	/**
	 * Marks the stored access token expired (after Salesforce answered {@code INVALID_SESSION_ID}) while keeping the
	 * refresh token, so the next authorization refreshes or re-authenticates.
	 */
	@Override
	public void invalidateAccessToken(String profile) {
		this.jdbc.sql("UPDATE sf_oauth_token SET access_token_issued_at = 0, access_token_expires_at = 1,"
				+ " updated_at = :now WHERE registration_id = :id")
			.param("id", profile)
			.param("now", this.clock.millis())
			.update();
	}

	/** Forgets everything stored for a profile. */
	@Override
	public void remove(String profile) {
		this.jdbc.sql("DELETE FROM sf_oauth_token WHERE registration_id = :id").param("id", profile).update();
	}

	private StoredAuthorization map(ResultSet row, int rowNum) throws SQLException {
		String access = row.getString("access_token");
		String refresh = row.getString("refresh_token");
		String url = row.getString("instance_url");
		return new StoredAuthorization(row.getString("registration_id"), row.getString("principal_name"),
				(access != null) ? accessToken(row, this.cipher.decrypt(access)) : null,
				(refresh != null) ? new OAuth2RefreshToken(this.cipher.decrypt(refresh),
						instant(row.getObject("refresh_token_issued_at", Long.class))) : null,
				(url != null) ? URI.create(url) : null);
	}

	private static OAuth2AccessToken accessToken(ResultSet row, String value) throws SQLException {
		String scopes = row.getString("access_token_scopes");
		Set<String> scopeSet = StringUtils.hasText(scopes) ? new LinkedHashSet<>(Arrays.asList(scopes.split(" ")))
				: Set.of();
		return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value,
				instant(row.getObject("access_token_issued_at", Long.class)),
				instant(row.getObject("access_token_expires_at", Long.class)), scopeSet);
	}

	private static @Nullable Long millis(@Nullable Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : null;
	}

	private static @Nullable Instant instant(@Nullable Long millis) {
		return (millis != null) ? Instant.ofEpochMilli(millis) : null;
	}

}
