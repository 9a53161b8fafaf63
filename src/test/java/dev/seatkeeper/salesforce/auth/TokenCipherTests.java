package dev.seatkeeper.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class TokenCipherTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	@Test
	void roundTripsWithAFreshIvEachTime() {
		TokenCipher cipher = TokenCipher.fromBase64Key(KEY);

		String first = cipher.encrypt("00D!refresh-token");
		String second = cipher.encrypt("00D!refresh-token");

		assertThat(first).isNotEqualTo(second).doesNotContain("refresh-token");
		assertThat(cipher.decrypt(first)).isEqualTo("00D!refresh-token");
		assertThat(Base64.getDecoder().decode(first)).hasSize(12 + "00D!refresh-token".length() + 16);
	}

	@Test
	void anotherKeyCannotDecryptAndSaysWhatToDo() {
		String sealed = TokenCipher.fromBase64Key(KEY).encrypt("token");
		byte[] other = new byte[32];
		other[0] = 1;

		assertThatIllegalStateException()
			.isThrownBy(() -> TokenCipher.fromBase64Key(Base64.getEncoder().encodeToString(other)).decrypt(sealed))
			.withMessageContaining("encryption key");
	}

	@Test
	void missingKeyFailsOnlyWhenATokenMustBeStored() {
		TokenCipher cipher = TokenCipher.fromBase64Key(" ");

		assertThatIllegalStateException().isThrownBy(() -> cipher.encrypt("token"))
			.withMessageContaining("SEATKEEPER_TOKEN_ENCRYPTION_KEY")
			.withMessageContaining("openssl rand -base64 32");
	}

	@Test
	void aMalformedKeyFailsOnlyWhenATokenMustBeStoredOrRead() {
		TokenCipher shortKey = TokenCipher.fromBase64Key(Base64.getEncoder().encodeToString(new byte[16]));
		TokenCipher notBase64 = TokenCipher.fromBase64Key("not base64!");

		assertThatExceptionOfType(TokenKeyException.class).isThrownBy(() -> shortKey.encrypt("token"))
			.withMessageContaining("must decode to 32 bytes (AES-256), got 16");
		assertThatExceptionOfType(TokenKeyException.class).isThrownBy(shortKey::requireKey);
		assertThatExceptionOfType(TokenKeyException.class).isThrownBy(() -> notBase64.decrypt("AAAA"))
			.withMessageContaining("is not valid base64");
	}

}
