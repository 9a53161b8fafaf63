package dev.seatkeeper.sandbox.auth;

/**
 * Which Salesforce host the sandbox's token endpoint plays. By default the org's own My Domain of a production org:
 * client credentials work, and a JWT bearer assertion must name {@code https://login.salesforce.com} as its
 * audience. {@code genericLogin} plays {@code login.salesforce.com} / {@code test.salesforce.com}, which serve every
 * org and so refuse client credentials ({@code request not supported on this domain}). {@code salesforceSandbox}
 * plays a sandbox org, whose JWT audience is {@code https://test.salesforce.com}. Salesforce refuses any other
 * audience, the My Domain URL included, with {@code audience is invalid}.
 */
public record LoginHost(boolean genericLogin, boolean salesforceSandbox) {

	public static final String PRODUCTION_AUDIENCE = "https://login.salesforce.com";

	public static final String SANDBOX_AUDIENCE = "https://test.salesforce.com";

	/** A production org's My Domain: the default. */
	public static LoginHost myDomain() {
		return new LoginHost(false, false);
	}

	/** The only {@code aud} a JWT bearer assertion may carry for this org. */
	public String jwtAudience() {
		return this.salesforceSandbox ? SANDBOX_AUDIENCE : PRODUCTION_AUDIENCE;
	}

}
