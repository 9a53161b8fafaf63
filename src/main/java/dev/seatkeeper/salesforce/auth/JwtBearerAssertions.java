package dev.seatkeeper.salesforce.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import dev.seatkeeper.salesforce.Secret;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs the RS256 assertions of Salesforce's JWT bearer flow: {@code iss} the connected app's client id, {@code sub}
 * the username, {@code aud} {@code https://login.salesforce.com} or {@code https://test.salesforce.com} (never the
 * My Domain, which Salesforce refuses) or a profile's explicit audience, valid for three minutes. The key is a PKCS#8 PEM
 * ({@code -----BEGIN PRIVATE KEY-----}; convert a PKCS#1 key with {@code openssl pkcs8 -topk8 -nocrypt}).
 * Thread-safe.
 */
public final class JwtBearerAssertions {

	private static final Duration VALIDITY = Duration.ofMinutes(3);

	private final NimbusJwtEncoder encoder;

	private final String clientId;

	private final String username;

	private final String audience;

	private final Clock clock;

	public JwtBearerAssertions(Secret privateKeyPem, String clientId, String username, String audience, Clock clock) {
		RSAPrivateCrtKey privateKey = readPrivateKey(privateKeyPem);
		this.encoder = NimbusJwtEncoder.withKeyPair(publicKeyOf(privateKey), privateKey).build();
		this.clientId = clientId;
		this.username = username;
		this.audience = audience;
		this.clock = clock;
	}

	/** A freshly signed assertion. */
	public Jwt next() {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.clientId)
			.subject(this.username)
			.audience(List.of(this.audience))
			.issuedAt(now)
			.expiresAt(now.plus(VALIDITY))
			.build();
		return this.encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims));
	}

	static RSAPrivateCrtKey readPrivateKey(Secret pem) {
		String text = pem.reveal();
		if (text.contains("BEGIN RSA PRIVATE KEY")) {
			throw new IllegalArgumentException("The JWT bearer key is PKCS#1; convert it to PKCS#8 with"
					+ " 'openssl pkcs8 -topk8 -nocrypt -in key.pem'");
		}
		String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
		try {
			byte[] der = Base64.getDecoder().decode(base64);
			return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
			throw new IllegalArgumentException("The JWT bearer key is not a PKCS#8 PEM RSA private key");
		}
	}

	private static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
		try {
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Could not derive the public key of the JWT bearer key");
		}
	}

}
