package dev.seatkeeper.sandbox.auth;

import java.util.Objects;

/**
 * A refused OAuth request, answered as Salesforce does: HTTP 400 with {@code error} and
 * {@code error_description}. The description never contains the secret or token that was refused.
 */
public class OAuthException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String error;

	public OAuthException(String error, String description) {
		super(description);
		this.error = error;
	}

	/** Never null: the constructor takes the description. */
	@Override
	public String getMessage() {
		return Objects.requireNonNull(super.getMessage(), "the constructor takes a description");
	}

	public String error() {
		return this.error;
	}

	static OAuthException invalidGrant(String description) {
		return new OAuthException("invalid_grant", description);
	}

	static OAuthException invalidClientId() {
		return new OAuthException("invalid_client_id", "client identifier invalid");
	}

	static OAuthException invalidClient() {
		return new OAuthException("invalid_client", "invalid client credentials");
	}

}
