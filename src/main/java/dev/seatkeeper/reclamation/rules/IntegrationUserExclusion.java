package dev.seatkeeper.reclamation.rules;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The user Seatkeeper connects as is never reclaimed: deactivating it would cut off every later run. */
public final class IntegrationUserExclusion implements Exclusion {

	private final @Nullable String integrationUserId;

	public IntegrationUserExclusion(@Nullable String integrationUserId) {
		this.integrationUserId = integrationUserId;
	}

	@Override
	public @Nullable String reason(Holding holding, Instant asOf) {
		return holding.userId().equals(this.integrationUserId) ? "the integration user" : null;
	}

}
