package dev.seatkeeper.salesforce;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Which hosts may receive a profile's secrets and tokens, and which JWT audience a login host implies. The trusted
 * domains are those Salesforce serves orgs from, as the Salesforce CLI's {@code SfdcUrl} knows them: the
 * commercial cloud ({@code *.salesforce.com}, {@code *.force.com}, {@code *.cloudforce.com}), its alternative
 * My Domain names ({@code *.my-salesforce.com}), Government Cloud Plus ({@code *.salesforce.mil},
 * {@code *.force.mil}, {@code *.cloudforce.mil}, {@code *.crmforce.mil}) and Salesforce on Alibaba Cloud
 * ({@code *.sfcrmproducts.cn}, {@code *.salesforce.com.cn}); nothing else. Loopback means 127.0.0.0/8, {@code ::1}
 * and {@code localhost}, literally: no name is resolved, so a DNS answer cannot turn a host into "loopback".
 * Stateless.
 */
public final class SalesforceHosts {

	/** The audience of production and Developer Edition orgs, and the generic production login host. */
	public static final String PRODUCTION_LOGIN = "https://login.salesforce.com";

	/** The audience of sandbox orgs, and the generic sandbox login host. */
	public static final String SANDBOX_LOGIN = "https://test.salesforce.com";

	private static final List<String> ORG_DOMAINS = List.of(".salesforce.com", ".force.com", ".cloudforce.com",
			".my-salesforce.com", ".salesforce.mil", ".force.mil", ".cloudforce.mil", ".crmforce.mil",
			".sfcrmproducts.cn", ".salesforce.com.cn");

	private static final List<String> GENERIC_LOGIN_HOSTS = List.of("login.salesforce.com", "test.salesforce.com");

	private static final Pattern IPV4_LOOPBACK = Pattern
		.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

	private SalesforceHosts() {
	}

	/** A host under one of the domains Salesforce serves orgs from. */
	public static boolean isSalesforceHost(@Nullable String host) {
		String name = normalize(host);
		return ORG_DOMAINS.stream().anyMatch(name::endsWith);
	}

	/** {@code localhost}, an address in 127.0.0.0/8, or {@code ::1} (with or without brackets). */
	public static boolean isLoopback(@Nullable String host) {
		String name = normalize(host);
		return name.equals("localhost") || name.equals("::1") || name.equals("[::1]")
				|| name.equals("[0:0:0:0:0:0:0:1]") || IPV4_LOOPBACK.matcher(name).matches();
	}

	/**
	 * {@code login.salesforce.com} or {@code test.salesforce.com}: hosts that serve every org, so they cannot tell
	 * which org a client-credentials request is for.
	 */
	public static boolean isGenericLoginHost(@Nullable String host) {
		return GENERIC_LOGIN_HOSTS.contains(normalize(host));
	}

	/**
	 * The {@code aud} a JWT bearer assertion needs for an org reached through {@code loginUrl}: sandboxes
	 * ({@code test.salesforce.com}, {@code *.sandbox.my.salesforce.com}) take {@value #SANDBOX_LOGIN}, everything else
	 * {@value #PRODUCTION_LOGIN}. Salesforce refuses a My Domain URL as the audience.
	 */
	public static String jwtAudience(URI loginUrl) {
		String host = normalize(loginUrl.getHost());
		boolean sandbox = host.equals("test.salesforce.com") || host.endsWith(".sandbox.my.salesforce.com");
		return sandbox ? SANDBOX_LOGIN : PRODUCTION_LOGIN;
	}

	/** The text without trailing slashes, as Salesforce compares audiences literally. */
	public static String stripTrailingSlashes(String url) {
		String text = url.trim();
		while (text.endsWith("/")) {
			text = text.substring(0, text.length() - 1);
		}
		return text;
	}

	private static String normalize(@Nullable String host) {
		return (host != null) ? host.toLowerCase(Locale.ROOT) : "";
	}

}
