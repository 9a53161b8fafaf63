package dev.seatkeeper.reclamation.rules;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Users of a listed Salesforce UserType. The profile's list defaults to the portal and guest types
 * ({@link dev.seatkeeper.profile.ReclamationSettings.Exclusions#DEFAULT_USER_TYPES}).
 */
public final class UserTypeExclusion implements Exclusion {

	private final List<String> userTypes;

	public UserTypeExclusion(List<String> userTypes) {
		this.userTypes = List.copyOf(userTypes);
	}

	@Override
	public @Nullable String reason(Holding holding, Instant asOf) {
		String userType = holding.userType();
		return (userType != null && this.userTypes.contains(userType)) ? "user type " + userType + " is excluded" : null;
	}

}
