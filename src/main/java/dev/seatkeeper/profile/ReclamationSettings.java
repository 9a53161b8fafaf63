package dev.seatkeeper.profile;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * When and how licenses of inactive users are reclaimed. The default mode, {@code detect}, only records candidates;
 * nothing is written to Salesforce unless a profile says {@code enforce}. The caps ({@code maxPerRun},
 * {@code maxShareOfActiveUsers}, and {@code maxPerWeek} when set) bound reclaim writes per rolling 24 hours (7 days
 * for the weekly one), whatever run or approval led to them. Administrators are protected unless
 * {@code allowPrivilegedUsers}; caps above the safe maxima need {@code allowLargeReclamations}.
 */
public record ReclamationSettings(Mode mode, List<Rule> rules, Exclusions exclusions, int maxPerRun,
		double maxShareOfActiveUsers, int newUserGraceDays, @Nullable Integer maxPerWeek, boolean allowPrivilegedUsers,
		boolean allowLargeReclamations) {

	public static final int DEFAULT_THRESHOLD_DAYS = 60;

	/** Above these a profile must say {@code allowLargeReclamations: true}. */
	public static final int LARGE_MAX_PER_RUN = 10_000;

	public static final double LARGE_SHARE_OF_ACTIVE_USERS = 0.25;

	/** Settings with no weekly cap, administrators protected and the safe maxima. */
	public ReclamationSettings(Mode mode, List<Rule> rules, Exclusions exclusions, int maxPerRun,
			double maxShareOfActiveUsers, int newUserGraceDays) {
		this(mode, rules, exclusions, maxPerRun, maxShareOfActiveUsers, newUserGraceDays, null, false, false);
	}

	public enum Mode {

		DETECT, DRY_RUN, ENFORCE

	}

	public enum Action {

		DEACTIVATE, FREEZE, REMOVE_PERMISSION_SET_LICENSE, REMOVE_PACKAGE_LICENSE,

		/** Changes the user's profile to the {@code targetProfile} of the downgrade from the holding's license. */
		DOWNGRADE

	}

	/**
	 * Whose holdings a rule looks at: active users' (the default), or the seats deactivated users still hold
	 * (permission set and package licenses keep counting after deactivation; see
	 * {@link dev.seatkeeper.license.SeatCounting}).
	 */
	public enum Holders {

		ACTIVE_USERS, INACTIVE_USERS

	}

	/**
	 * One rule: which models it covers, after how many idle days, whose holdings, and what it does. Idle means no login
	 * for {@code lastActivityThresholdDays} (0: logins are not looked at) and, when {@code lastUseThresholdDays} is set,
	 * no record created or edited on the objects of the holding's license ({@code activity.records.objects}) for that
	 * many days: a rule with only {@code lastUseThresholdDays} judges by use alone, one with both requires both. A
	 * {@code downgrade} rule judges by neither: its {@code downgrades} (the profile's downgrades from the models it
	 * applies to, one per model) decide, by their {@code requires} and {@code thresholdDays}.
	 */
	public record Rule(String name, List<String> appliesTo, int lastActivityThresholdDays, boolean notifyUser,
			int daysBeforeAutoReclaim, Action action, boolean requireApproval, Holders holders,
			@Nullable Integer lastUseThresholdDays, List<Downgrade> downgrades) {

		public Rule {
			appliesTo = List.copyOf(appliesTo);
			downgrades = List.copyOf(downgrades);
		}

		public Rule(String name, List<String> appliesTo, int lastActivityThresholdDays, boolean notifyUser,
				int daysBeforeAutoReclaim, Action action, boolean requireApproval, Holders holders,
				@Nullable Integer lastUseThresholdDays) {
			this(name, appliesTo, lastActivityThresholdDays, notifyUser, daysBeforeAutoReclaim, action, requireApproval,
					holders, lastUseThresholdDays, List.of());
		}

		/** The downgrade this rule applies to holders of {@code model}, or null (not a downgrade rule, or not its model). */
		public @Nullable Downgrade downgradeOf(String model) {
			return this.downgrades.stream().filter((d) -> d.from().equals(model)).findFirst().orElse(null);
		}

		public Rule(String name, List<String> appliesTo, int lastActivityThresholdDays, boolean notifyUser,
				int daysBeforeAutoReclaim, Action action, boolean requireApproval, Holders holders) {
			this(name, appliesTo, lastActivityThresholdDays, notifyUser, daysBeforeAutoReclaim, action, requireApproval,
					holders, null);
		}

		/** Whether logins decide (alone or with use). */
		public boolean judgesLogins() {
			return this.lastActivityThresholdDays > 0;
		}

		public Rule(String name, List<String> appliesTo, int lastActivityThresholdDays, boolean notifyUser,
				int daysBeforeAutoReclaim, Action action, boolean requireApproval) {
			this(name, appliesTo, lastActivityThresholdDays, notifyUser, daysBeforeAutoReclaim, action, requireApproval,
					Holders.ACTIVE_USERS);
		}

	}

	/**
	 * Users never reclaimed, besides the integration user itself, which is always excluded. {@code permissionSets}
	 * match users holding a set directly or through a permission set group that contains it;
	 * {@code permissionSetGroups} match holders of a group by its API name.
	 */
	public record Exclusions(List<String> usernames, List<String> profiles, List<String> userTypes,
			List<String> permissionSets, List<String> permissionSetGroups) {

		public Exclusions(List<String> usernames, List<String> profiles, List<String> userTypes,
				List<String> permissionSets) {
			this(usernames, profiles, userTypes, permissionSets, List.of());
		}

		/** Portal, community and guest users hold licenses that are not reclaimed by deactivation rules. */
		public static final List<String> DEFAULT_USER_TYPES = List.of("Guest", "PowerPartner", "PowerCustomerSuccess",
				"CustomerSuccess", "CspLitePortal", "CsnOnly");

	}

}
