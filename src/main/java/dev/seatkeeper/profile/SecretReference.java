package dev.seatkeeper.profile;

/**
 * A secret named by an environment variable ({@code ${SF_ACME_CLIENT_SECRET}} in a profile). Profiles never hold
 * secret values, so a profile can be printed, logged and committed.
 */
public record SecretReference(String variable) {

	@Override
	public String toString() {
		return "${" + this.variable + "}";
	}

}
