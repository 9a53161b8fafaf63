package dev.seatkeeper.salesforce;

import java.net.URI;

/**
 * What the transport needs of a profile's OAuth session: a usable access token, a way to drop one Salesforce
 * rejected, and the user the tokens run as. The session in {@code salesforce.auth} implements it; the transport never
 * sees grants, stores or token endpoints. Implementations are thread-safe (partitions share one).
 */
public interface OrgAuthorizer {

	/**
	 * A valid access token and the instance URL to use it on.
	 * @throws SalesforceAuthenticationException when Salesforce refuses the grant; never retryable
	 * @throws SalesforceApiException a retryable one when the token endpoint is unreachable or answers 5xx
	 */
	Authorization authorize();

	/** Forgets the access token Salesforce rejected, so the next {@link #authorize()} renews it. */
	void invalidateAccessToken(Authorization rejected);

	/** The Id of the user the tokens run as. */
	String runningUserId();

	/** A usable access token and the org's API host. {@code toString()} hides the token. */
	record Authorization(Secret accessToken, URI instanceUrl) {
	}

}
