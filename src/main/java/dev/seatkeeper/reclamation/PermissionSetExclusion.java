package dev.seatkeeper.reclamation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Users assigned a permission set the profile lists, e.g. {@code Keep_License}: their licenses are never reclaimed. */
public final class PermissionSetExclusion implements Exclusion {

	private final PermissionSetHolders holders;

	public PermissionSetExclusion(PermissionSetHolders holders) {
		this.holders = holders;
	}

	@Override
	public @Nullable String reason(Holding holding, Instant asOf) {
		String set = this.holders.setOf(holding.userId());
		return (set != null) ? "permission set " + set + " is excluded" : null;
	}

}
