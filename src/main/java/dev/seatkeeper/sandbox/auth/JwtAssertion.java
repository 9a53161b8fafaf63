package dev.seatkeeper.sandbox.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a JWT bearer assertion as Salesforce does: RS256 signed by the connected app's certificate (when the
 * sandbox has its public key), {@code iss} the consumer key, {@code aud} the org's login audience ({@link LoginHost#jwtAudience()}), {@code exp} in the future,
 * {@code sub} the username to act as.
 */
final class JwtAssertion {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JwtAssertion() {
	}

	/** The username the assertion asks for; fails with the OAuth error Salesforce would give. */
	static String verify(String assertion, ClientApp app, Set<String> audiences, Instant now) {
		String[] parts = assertion.split("\\.");
		if (parts.length != 3) {
			throw OAuthException.invalidGrant("invalid assertion");
		}
		JsonNode header = decode(parts[0]);
		JsonNode claims = decode(parts[1]);
		if (!"RS256".equals(header.path("alg").asString(""))) {
			throw OAuthException.invalidGrant("invalid assertion");
		}
		if (app.jwtKey() != null && !signatureValid(parts, app.jwtKey())) {
			throw OAuthException.invalidGrant("invalid assertion");
		}
		if (!app.clientId().equals(claims.path("iss").asString(""))) {
			throw OAuthException.invalidClientId();
		}
		if (!audiences.contains(claims.path("aud").asString(""))) {
			throw OAuthException.invalidGrant("audience is invalid");
		}
		if (!claims.path("exp").canConvertToLong() || claims.path("exp").asLong() <= now.getEpochSecond()) {
			throw OAuthException.invalidGrant("expired authorization code");
		}
		String subject = claims.path("sub").asString("");
		if (subject.isEmpty()) {
			throw OAuthException.invalidGrant("invalid assertion");
		}
		return subject;
	}

	private static JsonNode decode(String part) {
		try {
			return JSON.readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
		}
		catch (RuntimeException ex) {
			throw OAuthException.invalidGrant("invalid assertion");
		}
	}

	private static boolean signatureValid(String[] parts, PublicKey key) {
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initVerify(key);
			signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
			return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

}
