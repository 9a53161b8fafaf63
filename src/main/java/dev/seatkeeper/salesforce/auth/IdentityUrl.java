package dev.seatkeeper.salesforce.auth;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The {@code id} of a Salesforce token response, {@code https://login.salesforce.com/id/<orgId>/<userId>}: it names
 * the org and the user the token runs as, so no call to UserInfo (which needs the {@code openid} scope) is needed.
 */
public record IdentityUrl(String orgId, String userId) {

	private static final Pattern PATH = Pattern.compile("/id/([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)/([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)/?");

	/** The identity the URL names, or null when it is missing or not shaped as Salesforce's. */
	static @Nullable IdentityUrl parse(@Nullable Object id) {
		if (id == null) {
			return null;
		}
		try {
			String path = URI.create(id.toString().trim()).getRawPath();
			Matcher matcher = (path != null) ? PATH.matcher(path) : null;
			return (matcher != null && matcher.matches()) ? new IdentityUrl(matcher.group(1), matcher.group(2)) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
