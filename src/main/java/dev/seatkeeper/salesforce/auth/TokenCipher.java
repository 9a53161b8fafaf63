package dev.seatkeeper.salesforce.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Encrypts tokens at rest with AES-256-GCM: a fresh random 96-bit IV per value, stored as
 * {@code base64(iv || ciphertext || tag)}. The key comes from {@code seatkeeper.security.token-encryption-key}
 * (environment {@code SEATKEEPER_TOKEN_ENCRYPTION_KEY}), 32 random bytes in base64: {@code openssl rand -base64 32}.
 *
 * <p>Without a key, or with a malformed one, the cipher still exists, so that commands and profiles which never store
 * a token (client credentials, JWT, {@code status}) work; any attempt to encrypt or decrypt then fails with a
 * {@link TokenKeyException} saying how to configure one. Thread-safe.
 */
public final class TokenCipher {

	static final String MISSING_KEY = "No token encryption key: set seatkeeper.security.token-encryption-key"
			+ " (environment SEATKEEPER_TOKEN_ENCRYPTION_KEY) to 32 random bytes in base64,"
			+ " e.g. the output of 'openssl rand -base64 32'";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final @Nullable SecretKeySpec key;

	/** Why there is no key, said when a token must be encrypted or decrypted. */
	private final String keyProblem;

	private final SecureRandom random = new SecureRandom();

	private TokenCipher(@Nullable SecretKeySpec key, String keyProblem) {
		this.key = key;
		this.keyProblem = keyProblem;
	}

	/**
	 * A cipher for a base64 key of 32 bytes; an empty or malformed key gives a cipher that refuses to work, saying why.
	 */
	public static TokenCipher fromBase64Key(@Nullable String base64Key) {
		if (base64Key == null || base64Key.isBlank()) {
			return new TokenCipher(null, MISSING_KEY);
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64Key.trim());
		}
		catch (IllegalArgumentException ex) {
			return new TokenCipher(null, "The token encryption key (SEATKEEPER_TOKEN_ENCRYPTION_KEY) is not valid base64:"
					+ " set it to 32 random bytes in base64, e.g. the output of 'openssl rand -base64 32'");
		}
		if (bytes.length != 32) {
			return new TokenCipher(null, "The token encryption key (SEATKEEPER_TOKEN_ENCRYPTION_KEY) must decode to 32"
					+ " bytes (AES-256), got " + bytes.length + ": generate one with 'openssl rand -base64 32'");
		}
		return new TokenCipher(new SecretKeySpec(bytes, "AES"), "");
	}

	/**
	 * Fails now, before anything is asked of anyone, when no token could be stored or read ({@code auth login}).
	 * @throws TokenKeyException when the key is missing or malformed
	 */
	public void requireKey() {
		key();
	}

	public String encrypt(String plaintext) {
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] stored = new byte[IV_BYTES + sealed.length];
			System.arraycopy(iv, 0, stored, 0, IV_BYTES);
			System.arraycopy(sealed, 0, stored, IV_BYTES, sealed.length);
			return Base64.getEncoder().encodeToString(stored);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a token: " + ex.getClass().getSimpleName());
		}
	}

	/** @throws IllegalStateException when the value was sealed with another key or altered */
	public String decrypt(String stored) {
		try {
			byte[] bytes = Base64.getDecoder().decode(stored);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
			return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new TokenKeyException("Could not decrypt a stored token (was the encryption key changed?):"
					+ " run 'seatkeeper auth login' again or restore the previous key");
		}
	}

	private SecretKeySpec key() {
		if (this.key == null) {
			throw new TokenKeyException(this.keyProblem);
		}
		return this.key;
	}

}
