package dev.seatkeeper.profile;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A cheaper license that covers what a user really does: holders of {@code from} who created or edited none of
 * {@code requires} (the objects whose use needs the expensive license) for {@code thresholdDays} could hold {@code to}
 * instead. {@code targetProfile} names the Salesforce profile of the cheaper license a downgrade would move them to.
 * Immutable.
 */
public record Downgrade(String from, String to, List<String> requires, int thresholdDays,
		@Nullable String targetProfile) {

	public static final int DEFAULT_THRESHOLD_DAYS = 90;

	public Downgrade {
		requires = List.copyOf(requires);
	}

}
