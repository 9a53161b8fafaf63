package dev.seatkeeper.sandbox.auth;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Access tokens, refresh tokens and authorization codes. Access tokens look like Salesforce's (the 15-character
 * org Id, '!', random text) and can be invalidated all at once, as a session timeout or an admin's "expire all"
 * does; refresh tokens survive that, so a client can recover. Codes are single use and live ten minutes.
 * Thread-safe.
 */
public final class Sessions {

	private static final long CODE_LIFETIME_SECONDS = 600;

	private final SecureRandom random = new SecureRandom();

	private final String orgId15;

	private final Map<String, Session> accessTokens = new ConcurrentHashMap<>();

	private final Map<String, Session> refreshTokens = new ConcurrentHashMap<>();

	private final Map<String, Code> codes = new ConcurrentHashMap<>();

	public Sessions(String orgId) {
		this.orgId15 = orgId.substring(0, 15);
	}

	/** Who a token acts for and through which app. */
	public record Session(String userId, String clientId, String scope) {
	}

	/** A pending authorization code. */
	record Code(Session session, String redirectUri, Instant expires) {
	}

	public String issueAccessToken(Session session) {
		String token = this.orgId15 + "!" + randomText(48);
		this.accessTokens.put(token, session);
		return token;
	}

	public String issueRefreshToken(Session session) {
		String token = "5Aep861" + randomText(60);
		this.refreshTokens.put(token, session);
		return token;
	}

	String issueCode(Session session, String redirectUri) {
		String code = "aPrx" + randomText(40);
		this.codes.put(code, new Code(session, redirectUri, Instant.now().plusSeconds(CODE_LIFETIME_SECONDS)));
		return code;
	}

	/** The session of a live access token, or {@code null}. */
	public @Nullable Session session(String accessToken) {
		return this.accessTokens.get(accessToken);
	}

	@Nullable Session refresh(String refreshToken) {
		return this.refreshTokens.get(refreshToken);
	}

	void revokeRefreshToken(String refreshToken) {
		this.refreshTokens.remove(refreshToken);
	}

	/** Revokes an access or refresh token, as {@code /services/oauth2/revoke} does. */
	public boolean revoke(String token) {
		return this.accessTokens.remove(token) != null | this.refreshTokens.remove(token) != null;
	}

	/** Redeems a code once; {@code null} when unknown, used or expired. */
	@Nullable Code redeem(String code) {
		Code pending = this.codes.remove(code);
		return pending != null && pending.expires().isAfter(Instant.now()) ? pending : null;
	}

	/** Every access token stops working; refresh tokens keep working. */
	public void invalidateAll() {
		this.accessTokens.clear();
	}

	public int liveSessions() {
		return this.accessTokens.size();
	}

	private String randomText(int bytes) {
		byte[] data = new byte[bytes];
		this.random.nextBytes(data);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(data).replace('-', '.');
	}

}
