package dev.seatkeeper.salesforce.auth;

/**
 * The token encryption key is missing or malformed, or does not open the stored tokens: a configuration problem that
 * no retry fixes (exit 2). The message says what to set.
 */
public class TokenKeyException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public TokenKeyException(String message) {
		super(message);
	}

}
