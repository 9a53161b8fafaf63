package dev.seatkeeper.profile;

import java.nio.file.Path;
import java.util.List;

/**
 * One connected Salesforce org, as validated from {@code jobs/profiles/<name>.yaml}. Immutable. Secrets are held
 * as {@link SecretReference}s (environment variable names), resolved only when a connection is made.
 */
public record Profile(String name, String displayName, Status status, Path source, SalesforceSettings salesforce,
		ActivitySettings activity, List<Entitlement> entitlements, List<ConsumptionEntitlement> consumptionEntitlements,
		ReclamationSettings reclamation, List<Downgrade> downgrades) {

	/** A profile that names no downgrades. */
	public Profile(String name, String displayName, Status status, Path source, SalesforceSettings salesforce,
			ActivitySettings activity, List<Entitlement> entitlements,
			List<ConsumptionEntitlement> consumptionEntitlements, ReclamationSettings reclamation) {
		this(name, displayName, status, source, salesforce, activity, entitlements, consumptionEntitlements,
				reclamation, List.of());
	}

	public enum Status {

		DRAFT, PUBLISHED

	}

	public boolean isPublished() {
		return this.status == Status.PUBLISHED;
	}

}
