package dev.seatkeeper.reclamation.rules;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One reason a user is never reclaimed. Implementations are immutable and thread-safe. */
@FunctionalInterface
public interface Exclusion {

	/** Why the holding is excluded, or null when this exclusion does not apply. */
	@Nullable String reason(Holding holding, Instant asOf);

}
