package dev.seatkeeper.reclamation.rules;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Users created within the grace period before the as-of instant have not had the chance to become active. A user
 * created exactly the grace period ago is past it.
 */
public final class NewUserGrace implements Exclusion {

	private final int graceDays;

	public NewUserGrace(int graceDays) {
		this.graceDays = graceDays;
	}

	@Override
	public @Nullable String reason(Holding holding, Instant asOf) {
		Instant created = holding.createdAt();
		if (created == null || !created.isAfter(asOf.minus(Duration.ofDays(this.graceDays)))) {
			return null;
		}
		return "created " + created + ", within the " + this.graceDays + "-day grace for new users";
	}

}
