package dev.seatkeeper.salesforce;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code seatkeeper.security.*}.
 *
 * @param tokenEncryptionKey the AES-256 key that encrypts stored OAuth2 tokens, 32 bytes in base64 (generate one
 * with {@code openssl rand -base64 32}); also read from the environment variable
 * {@code SEATKEEPER_TOKEN_ENCRYPTION_KEY}. Only needed once a token must be stored or read.
 */
@ConfigurationProperties("seatkeeper.security")
public record SalesforceSecurityProperties(@Nullable String tokenEncryptionKey) {
}
