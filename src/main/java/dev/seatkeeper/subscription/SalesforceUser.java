package dev.seatkeeper.subscription;

import java.time.Instant;
import java.util.List;

import dev.seatkeeper.storage.Unstorable;
import org.jspecify.annotations.Nullable;

/**
 * A Salesforce user with the rights its own record shows: its user license (through its profile) and the feature
 * licenses of its {@code UserPermissions*} flags. Permission set and package licenses come from assignment objects.
 * A user with {@code unstorable} fields is skipped by the writer and recorded as a skipped record.
 */
public record SalesforceUser(String id, String username, @Nullable String email, @Nullable String name,
		@Nullable String userType, @Nullable String profileName, @Nullable String userLicenseKey, boolean active,
		@Nullable Instant lastLoginDate, @Nullable Instant createdDate, @Nullable Instant systemModstamp,
		List<String> heldModels, List<Unstorable> unstorable) {

	public SalesforceUser(String id, String username, @Nullable String email, @Nullable String name,
			@Nullable String userType, @Nullable String profileName, @Nullable String userLicenseKey, boolean active,
			@Nullable Instant lastLoginDate, @Nullable Instant createdDate, @Nullable Instant systemModstamp,
			List<String> heldModels) {
		this(id, username, email, name, userType, profileName, userLicenseKey, active, lastLoginDate, createdDate,
				systemModstamp, heldModels, List.of());
	}

	public boolean isStorable() {
		return this.unstorable.isEmpty();
	}

}
