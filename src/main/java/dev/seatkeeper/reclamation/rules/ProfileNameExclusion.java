package dev.seatkeeper.reclamation.rules;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Users whose Salesforce profile is listed, e.g. {@code System Administrator}; names compare exactly. */
public final class ProfileNameExclusion implements Exclusion {

	private final List<String> profileNames;

	public ProfileNameExclusion(List<String> profileNames) {
		this.profileNames = List.copyOf(profileNames);
	}

	@Override
	public @Nullable String reason(Holding holding, Instant asOf) {
		String profileName = holding.profileName();
		return (profileName != null && this.profileNames.contains(profileName))
				? "Salesforce profile " + profileName + " is excluded" : null;
	}

}
