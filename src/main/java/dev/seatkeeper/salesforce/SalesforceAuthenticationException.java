package dev.seatkeeper.salesforce;

import org.jspecify.annotations.Nullable;

/**
 * Authentication failed for good: {@code invalid_grant} (revoked or expired refresh token, wrong user or
 * certificate), {@code invalid_client}, an untrusted {@code instance_url}, or no stored authorization. Never retried:
 * a run stops with the Salesforce {@code error_description} and an operator fixes the connected app or runs
 * {@code auth login} again.
 */
public class SalesforceAuthenticationException extends SalesforceApiException {

	private static final long serialVersionUID = 1L;

	public SalesforceAuthenticationException(String errorCode, int httpStatus, String message,
			@Nullable Throwable cause) {
		super(errorCode, httpStatus, false, message, cause);
	}

	/** The token endpoint refused: the code is the OAuth2 error ({@code invalid_grant}), the message its description. */
	public static SalesforceAuthenticationException refused(String profile, String oauthError,
			@Nullable String description, @Nullable Throwable cause) {
		return new SalesforceAuthenticationException(oauthError, 400,
				"Salesforce refused authentication for profile '" + profile + "': "
						+ ((description != null) ? description : oauthError),
				cause);
	}

	/** The token response named an instance URL we must not send tokens to. */
	public static SalesforceAuthenticationException untrustedInstance(String profile, String reason) {
		return new SalesforceAuthenticationException("UNTRUSTED_INSTANCE_URL", 0,
				"Profile '" + profile + "': " + reason, null);
	}

	/** The refresh flow has nothing stored yet. */
	public static SalesforceAuthenticationException notAuthorized(String profile) {
		return new SalesforceAuthenticationException("NOT_AUTHORIZED", 0, "Profile '" + profile
				+ "' has no stored authorization; run 'seatkeeper auth login --profile " + profile + "' first", null);
	}

}
