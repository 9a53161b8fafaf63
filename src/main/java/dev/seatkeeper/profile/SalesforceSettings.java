package dev.seatkeeper.profile;

import java.net.URI;

import dev.seatkeeper.salesforce.SalesforceConnection;
import org.jspecify.annotations.Nullable;

/**
 * How to reach the org: a real org ({@code loginUrl} + {@code auth}), or an embedded simulated org when
 * {@code sandbox} is set (then {@code auth} is the sandbox's own client credentials).
 */
public record SalesforceSettings(URI loginUrl, String apiVersion, @Nullable AuthSettings auth, boolean allowLoopback,
		double apiBudgetShare, int batchSize, @Nullable SandboxSettings sandbox) {

	/** The REST API version a profile uses unless it names one: a current GA release. */
	public static final String DEFAULT_API_VERSION = SalesforceConnection.DEFAULT_API_VERSION;

	public boolean isSandbox() {
		return this.sandbox != null;
	}

	/** The OAuth flows Salesforce offers a server-side job. */
	public enum AuthFlow {

		CLIENT_CREDENTIALS, REFRESH_TOKEN, JWT_BEARER

	}

	/**
	 * Credentials by reference: {@code clientSecret} and {@code privateKey} must be {@code ${ENV}} references.
	 * {@code audience} is an explicit JWT {@code aud} (without trailing slash); null derives it from the login host.
	 */
	public record AuthSettings(AuthFlow flow, String clientId, @Nullable SecretReference clientSecret,
			@Nullable String username, @Nullable SecretReference privateKey, @Nullable String audience) {

		public AuthSettings(AuthFlow flow, String clientId, @Nullable SecretReference clientSecret,
				@Nullable String username, @Nullable SecretReference privateKey) {
			this(flow, clientId, clientSecret, username, privateKey, null);
		}

	}

	/** An embedded sandbox org generated from a size and a seed. */
	public record SandboxSettings(int users, long seed, int loginDays) {
	}

}
