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
 * <p>Without a key the cipher still exists, so that commands which never store a token work, but any attempt to
 * encrypt or decrypt fails with a message saying how to configure one. Thread-safe.
 */
public final class TokenCipher {

	static final String MISSING_KEY = "No token encryption key: set seatkeeper.security.token-encryption-key"
			+ " (environment SEATKEEPER_TOKEN_ENCRYPTION_KEY) to 32 random bytes in base64,"
			+ " e.g. the output of 'openssl rand -base64 32'";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final @Nullable SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	private TokenCipher(@Nullable SecretKeySpec key) {
		this.key = key;
	}

	/**
	 * A cipher for a base64 key of 32 bytes, or a key-less cipher that refuses to work when the text is empty.
	 * @throws IllegalArgumentException when a key is given but is not 32 bytes of base64
	 */
	public static TokenCipher fromBase64Key(@Nullable String base64Key) {
		if (base64Key == null || base64Key.isBlank()) {
			return new TokenCipher(null);
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64Key.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("seatkeeper.security.token-encryption-key is not valid base64");
		}
		if (bytes.length != 32) {
			throw new IllegalArgumentException("seatkeeper.security.token-encryption-key must decode to 32 bytes"
					+ " (AES-256), got " + bytes.length + "; generate one with 'openssl rand -base64 32'");
		}
		return new TokenCipher(new SecretKeySpec(bytes, "AES"));
	}

	public String encrypt(String plaintext) {
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, iv));
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
			cipher.init(Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
			return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Could not decrypt a stored token (was the encryption key changed?):"
					+ " run 'seatkeeper auth login' again or restore the previous key");
		}
	}

	private SecretKeySpec requireKey() {
		if (this.key == null) {
			throw new IllegalStateException(MISSING_KEY);
		}
		return this.key;
	}

}
