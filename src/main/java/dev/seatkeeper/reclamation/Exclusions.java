package dev.seatkeeper.reclamation;

import java.time.Instant;
import java.util.List;

import dev.seatkeeper.profile.ReclamationSettings;
import org.jspecify.annotations.Nullable;

/**
 * Every exclusion of a profile, in a fixed order so the recorded reason is the same on every run: the integration
 * user first, then listed users, Salesforce profiles, user types and new users.
 *
 * <p>Exclusion by permission set is not applied: the tables hold permission set <em>license</em> assignments, not
 * permission set assignments, so there is nothing to match the profile's {@code permissionSets} against.
 */
public final class Exclusions {

	private final List<Exclusion> exclusions;

	public Exclusions(List<Exclusion> exclusions) {
		this.exclusions = List.copyOf(exclusions);
	}

	public static Exclusions of(ReclamationSettings settings, @Nullable String integrationUserId) {
		ReclamationSettings.Exclusions listed = settings.exclusions();
		return new Exclusions(List.of(new IntegrationUserExclusion(integrationUserId),
				new ListedUserExclusion(listed.usernames()), new ProfileNameExclusion(listed.profiles()),
				new UserTypeExclusion(listed.userTypes()), new NewUserGrace(settings.newUserGraceDays())));
	}

	/** The first reason the holding is excluded, or null when none applies. */
	public @Nullable String reason(Holding holding, Instant asOf) {
		for (Exclusion exclusion : this.exclusions) {
			String reason = exclusion.reason(holding, asOf);
			if (reason != null) {
				return reason;
			}
		}
		return null;
	}

}
