package dev.seatkeeper.salesforce.auth;

import java.net.URI;
import java.util.Locale;

import dev.seatkeeper.salesforce.SalesforceAuthenticationException;
import dev.seatkeeper.salesforce.SalesforceHosts;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether an {@code instance_url} may receive our access tokens: https on a domain Salesforce serves orgs
 * from ({@link SalesforceHosts}). Loopback addresses, over http or https, only when the profile allows it (the
 * sandbox org and tests); {@code allowLoopback} opens nothing else. Anything else is a non-retryable
 * {@link SalesforceAuthenticationException}.
 */
public final class InstanceUrlPolicy {

	private final String profile;

	private final boolean allowLoopback;

	public InstanceUrlPolicy(String profile, boolean allowLoopback) {
		this.profile = profile;
		this.allowLoopback = allowLoopback;
	}

	/** The URL, checked, without a trailing slash. */
	public URI validate(@Nullable Object instanceUrl) {
		if (instanceUrl == null || instanceUrl.toString().isBlank()) {
			throw reject("the token response carries no instance_url");
		}
		URI uri;
		try {
			uri = URI.create(instanceUrl.toString().trim());
		}
		catch (IllegalArgumentException ex) {
			throw reject("instance_url '" + instanceUrl + "' is not a URL");
		}
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (uri.getUserInfo() != null || (uri.getRawPath() != null && uri.getRawPath().length() > 1)
				|| uri.getRawQuery() != null) {
			throw reject("instance_url '" + uri + "' must be a bare origin");
		}
		if (SalesforceHosts.isLoopback(host)) {
			if (!this.allowLoopback) {
				throw reject("instance_url '" + uri + "' is a loopback host; allowed only with allowLoopback");
			}
			if (!scheme.equals("http") && !scheme.equals("https")) {
				throw reject("instance_url '" + uri + "' must use http or https");
			}
			return stripSlash(uri);
		}
		if (!scheme.equals("https")) {
			throw reject("instance_url '" + uri + "' must use https");
		}
		if (!SalesforceHosts.isSalesforceHost(host)) {
			throw reject("instance_url host '" + host + "' is not a Salesforce domain");
		}
		return stripSlash(uri);
	}

	private static URI stripSlash(URI uri) {
		String text = uri.toString();
		return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
	}

	private SalesforceAuthenticationException reject(String reason) {
		return SalesforceAuthenticationException.untrustedInstance(this.profile, reason);
	}

}
