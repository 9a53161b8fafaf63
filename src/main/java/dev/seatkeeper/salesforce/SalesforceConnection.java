package dev.seatkeeper.salesforce;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * Everything needed to talk to one org (one profile). Profiles map onto this record; secrets arrive already resolved
 * from their {@code ${ENV_VAR}} references and stay wrapped in {@link Secret}.
 *
 * @param name the profile name; also the OAuth2 registration id and the key of the stored tokens
 * @param loginUrl {@code https://login.salesforce.com}, {@code https://test.salesforce.com} or a My Domain URL
 * @param apiVersion for example {@code 62.0}
 * @param allowLoopback accept an http or loopback {@code instance_url} (the sandbox org and tests only)
 * @param apiBudgetShare the share of the org's daily API requests this profile may spend, in (0, 1]
 * @param batchSize the page size asked for with {@code Sforce-Query-Options: batchSize=N} (200 to 2000)
 * @param tokenLifetime how long an access token is trusted, since Salesforce does not say ({@code expires_in} missing)
 * @param compression ask for compressed answers ({@code Accept-Encoding: gzip, deflate}) and decompress them as
 * they stream in
 */
public record SalesforceConnection(String name, URI loginUrl, String apiVersion, Auth auth, boolean allowLoopback,
		double apiBudgetShare, int batchSize, Duration connectTimeout, Duration readTimeout, RetrySettings retry,
		Duration tokenLifetime, boolean compression) {

	/**
	 * The REST API version used unless a profile names one: a current GA release. Salesforce adds a version with each
	 * of its three releases a year and retires old ones (21.0 to 30.0 answer 410 GONE since Summer '25).
	 */
	public static final String DEFAULT_API_VERSION = "66.0";

	/**
	 * How long to wait for an answer: a wide LoginHistory query in a big org may take minutes before Salesforce
	 * answers or gives up with QUERY_TIMEOUT, so anything shorter cuts off answers that would have come.
	 */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);

	public SalesforceConnection {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(loginUrl, "'loginUrl' must not be null");
		Assert.hasText(apiVersion, "'apiVersion' must not be empty");
		Assert.notNull(auth, "'auth' must not be null");
		Assert.isTrue(apiBudgetShare > 0 && apiBudgetShare <= 1, "'apiBudgetShare' must be in (0, 1]");
		Assert.isTrue(batchSize >= 200 && batchSize <= 2000, "'batchSize' must be between 200 and 2000");
		Assert.notNull(connectTimeout, "'connectTimeout' must not be null");
		Assert.notNull(readTimeout, "'readTimeout' must not be null");
		Assert.notNull(retry, "'retry' must not be null");
		// Spring Security renews tokens a minute before they expire; a shorter lifetime would renew on every call.
		Assert.isTrue(tokenLifetime != null && tokenLifetime.compareTo(Duration.ofMinutes(2)) >= 0,
				"'tokenLifetime' must be at least 2 minutes");
	}

	/** A connection with compressed answers; the other settings as given. */
	public SalesforceConnection(String name, URI loginUrl, String apiVersion, Auth auth, boolean allowLoopback,
			double apiBudgetShare, int batchSize, Duration connectTimeout, Duration readTimeout, RetrySettings retry,
			Duration tokenLifetime) {
		this(name, loginUrl, apiVersion, auth, allowLoopback, apiBudgetShare, batchSize, connectTimeout, readTimeout,
				retry, tokenLifetime, true);
	}

	/** A connection with the usual settings: 50 % budget, 2000-record pages, 10 s / 120 s timeouts, 15 min tokens. */
	public static SalesforceConnection of(String name, URI loginUrl, String apiVersion, Auth auth) {
		return new SalesforceConnection(name, loginUrl, apiVersion, auth, false, 0.5, 2000, Duration.ofSeconds(10),
				DEFAULT_READ_TIMEOUT, RetrySettings.DEFAULTS, Duration.ofMinutes(15));
	}

	public SalesforceConnection withAllowLoopback(boolean allow) {
		return new SalesforceConnection(name, loginUrl, apiVersion, auth, allow, apiBudgetShare, batchSize,
				connectTimeout, readTimeout, retry, tokenLifetime, compression);
	}

	public SalesforceConnection withRetry(RetrySettings settings) {
		return new SalesforceConnection(name, loginUrl, apiVersion, auth, allowLoopback, apiBudgetShare, batchSize,
				connectTimeout, readTimeout, settings, tokenLifetime, compression);
	}

	public SalesforceConnection withApiBudgetShare(double share) {
		return new SalesforceConnection(name, loginUrl, apiVersion, auth, allowLoopback, share, batchSize,
				connectTimeout, readTimeout, retry, tokenLifetime, compression);
	}

	public SalesforceConnection withReadTimeout(Duration timeout) {
		return new SalesforceConnection(name, loginUrl, apiVersion, auth, allowLoopback, apiBudgetShare, batchSize,
				connectTimeout, timeout, retry, tokenLifetime, compression);
	}

	public SalesforceConnection withCompression(boolean compress) {
		return new SalesforceConnection(name, loginUrl, apiVersion, auth, allowLoopback, apiBudgetShare, batchSize,
				connectTimeout, readTimeout, retry, tokenLifetime, compress);
	}

	/** {@code {loginUrl}/services/oauth2/token}. */
	public URI tokenUri() {
		return URI.create(stripSlash(loginUrl.toString()) + "/services/oauth2/token");
	}

	/** {@code {loginUrl}/services/oauth2/authorize}, for the authorization-code bootstrap. */
	public URI authorizationUri() {
		return URI.create(stripSlash(loginUrl.toString()) + "/services/oauth2/authorize");
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/** The OAuth2 flows Seatkeeper supports. */
	public enum Flow {

		/** Client credentials: recommended for an unattended job. */
		CLIENT_CREDENTIALS,
		/** Refresh token, bootstrapped once by {@code auth login} (authorization code). */
		REFRESH_TOKEN,
		/** JWT bearer: an RS256 assertion signed with the connected app's certificate key. */
		JWT_BEARER

	}

	/**
	 * How to authenticate.
	 *
	 * @param clientSecret required for client credentials; optional for the refresh flow; unused for JWT bearer
	 * @param username the Salesforce username the JWT bearer assertion is issued for
	 * @param privateKeyPem a PKCS#8 PEM RSA private key for JWT bearer
	 * @param audience the JWT bearer {@code aud}; null derives it from the login host
	 *     ({@link SalesforceHosts#jwtAudience(URI)})
	 */
	public record Auth(Flow flow, String clientId, @Nullable Secret clientSecret, @Nullable String username,
			@Nullable Secret privateKeyPem, @Nullable String audience) {

		public Auth {
			Assert.notNull(flow, "'flow' must not be null");
			Assert.hasText(clientId, "'clientId' must not be empty");
			if (flow == Flow.CLIENT_CREDENTIALS) {
				Assert.notNull(clientSecret, "'clientSecret' is required for the client credentials flow");
			}
			if (flow == Flow.JWT_BEARER) {
				Assert.hasText(username, "'username' is required for the JWT bearer flow");
				Assert.notNull(privateKeyPem, "'privateKeyPem' is required for the JWT bearer flow");
			}
			audience = (audience != null) ? SalesforceHosts.stripTrailingSlashes(audience) : null;
		}

		public Auth(Flow flow, String clientId, @Nullable Secret clientSecret, @Nullable String username,
				@Nullable Secret privateKeyPem) {
			this(flow, clientId, clientSecret, username, privateKeyPem, null);
		}

		public static Auth clientCredentials(String clientId, Secret clientSecret) {
			return new Auth(Flow.CLIENT_CREDENTIALS, clientId, clientSecret, null, null);
		}

		public static Auth refreshToken(String clientId, @Nullable Secret clientSecret) {
			return new Auth(Flow.REFRESH_TOKEN, clientId, clientSecret, null, null);
		}

		public static Auth jwtBearer(String clientId, String username, Secret privateKeyPem) {
			return new Auth(Flow.JWT_BEARER, clientId, null, username, privateKeyPem);
		}

		/** JWT bearer with an explicit audience, e.g. an Experience Cloud site URL. */
		public static Auth jwtBearer(String clientId, String username, Secret privateKeyPem, String audience) {
			return new Auth(Flow.JWT_BEARER, clientId, null, username, privateKeyPem, audience);
		}

		/** The {@code aud} of this flow's JWT assertions for an org reached through {@code loginUrl}. */
		public String jwtAudience(URI loginUrl) {
			return (this.audience != null) ? this.audience : SalesforceHosts.jwtAudience(loginUrl);
		}

	}

	/**
	 * Bounded retries of 5xx answers and I/O timeouts, with exponential backoff and jitter.
	 *
	 * @param maxAttempts attempts in all, the first included
	 */
	public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

		public static final RetrySettings DEFAULTS = new RetrySettings(4, Duration.ofSeconds(1), Duration.ofSeconds(30));

		public RetrySettings {
			Assert.isTrue(maxAttempts >= 1, "'maxAttempts' must be at least 1");
			Assert.isTrue(initialBackoff != null && !initialBackoff.isNegative(), "'initialBackoff' must not be negative");
			Assert.isTrue(maxBackoff != null && maxBackoff.compareTo(initialBackoff) >= 0,
					"'maxBackoff' must not be less than 'initialBackoff'");
		}

	}

}
