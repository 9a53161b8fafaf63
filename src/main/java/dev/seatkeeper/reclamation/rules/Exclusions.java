package dev.seatkeeper.reclamation.rules;

import java.time.Instant;
import java.util.List;

import dev.seatkeeper.profile.ReclamationSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * Every exclusion of a profile, in a fixed order so the recorded reason is the same on every run: the integration
 * user first, then listed users, Salesforce profiles, permission sets, administrators, user types and new users.
 */
public final class Exclusions {

	private final List<Exclusion> exclusions;

	public Exclusions(List<Exclusion> exclusions) {
		this.exclusions = List.copyOf(exclusions);
	}

	/** The exclusions of a profile that lists no permission sets. */
	public static Exclusions of(ReclamationSettings settings, @Nullable String integrationUserId) {
		return of(settings, integrationUserId, PermissionSetHolders.NONE);
	}

	/**
	 * @param permissionSetHolders who holds the permission sets the profile excludes
	 * @throws IllegalArgumentException when the profile lists permission sets and no holders were looked up
	 */
	public static Exclusions of(ReclamationSettings settings, @Nullable String integrationUserId,
			PermissionSetHolders permissionSetHolders) {
		return of(settings, integrationUserId, permissionSetHolders, PrivilegedUsers.NONE);
	}

	/**
	 * @param privileged the org's administrators, protected unless the profile allows reclaiming them
	 * @throws IllegalArgumentException when the profile lists permission sets and no holders were looked up
	 */
	public static Exclusions of(ReclamationSettings settings, @Nullable String integrationUserId,
			PermissionSetHolders permissionSetHolders, PrivilegedUsers privileged) {
		ReclamationSettings.Exclusions listed = settings.exclusions();
		Assert.isTrue((listed.permissionSets().isEmpty() && listed.permissionSetGroups().isEmpty())
				|| permissionSetHolders != PermissionSetHolders.NONE,
				"the profile excludes permission sets: their holders must be looked up");
		return new Exclusions(List.of(new IntegrationUserExclusion(integrationUserId),
				new ListedUserExclusion(listed.usernames()), new ProfileNameExclusion(listed.profiles()),
				new PermissionSetExclusion(permissionSetHolders), new PrivilegedUserExclusion(privileged),
				new UserTypeExclusion(listed.userTypes()),
				new NewUserGrace(settings.newUserGraceDays())));
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
