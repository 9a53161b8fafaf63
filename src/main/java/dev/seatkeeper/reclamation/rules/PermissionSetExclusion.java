package dev.seatkeeper.reclamation.rules;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Users assigned a permission set the profile lists, e.g. {@code Keep_License}, directly or through a permission set
 * group, or assigned a listed group: their licenses are never reclaimed.
 */
public final class PermissionSetExclusion implements Exclusion {

	private final PermissionSetHolders holders;

	public PermissionSetExclusion(PermissionSetHolders holders) {
		this.holders = holders;
	}

	@Override
	public @Nullable String reason(Holding holding, Instant asOf) {
		String held = this.holders.heldBy(holding.userId());
		return (held != null) ? held + " is excluded" : null;
	}

}
