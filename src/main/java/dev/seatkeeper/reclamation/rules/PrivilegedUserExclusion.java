package dev.seatkeeper.reclamation.rules;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Administrators are never reclaimed unless the profile says {@code allowPrivilegedUsers: true}: deactivating or
 * freezing the last people who can manage users or the org's setup locks an organization out of itself.
 */
public final class PrivilegedUserExclusion implements Exclusion {

	private final PrivilegedUsers privileged;

	public PrivilegedUserExclusion(PrivilegedUsers privileged) {
		this.privileged = privileged;
	}

	@Override
	public @Nullable String reason(Holding holding, Instant asOf) {
		return this.privileged.reasonOf(holding.userId());
	}

}
