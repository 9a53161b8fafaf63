package dev.seatkeeper.reclamation.rules;

import java.time.Instant;
import java.util.List;

import dev.seatkeeper.profile.ReclamationSettings;
import org.jspecify.annotations.Nullable;

/**
 * The rules and exclusions of one profile, applied to holdings as of one instant. A holding gets one decision per rule
 * covering its model; exclusions are only asked about idle holdings, so skipped candidates record users who would
 * otherwise have been reclaimed. Immutable and thread-safe.
 */
public final class ReclamationRules {

	private final List<InactivityRule> rules;

	private final Exclusions exclusions;

	public ReclamationRules(List<InactivityRule> rules, Exclusions exclusions) {
		this.rules = List.copyOf(rules);
		this.exclusions = exclusions;
	}

	/** The rules of a profile that excludes no permission sets. */
	public static ReclamationRules of(ReclamationSettings settings, @Nullable String integrationUserId) {
		return of(settings, integrationUserId, PermissionSetHolders.NONE);
	}

	public static ReclamationRules of(ReclamationSettings settings, @Nullable String integrationUserId,
			PermissionSetHolders permissionSetHolders) {
		return of(settings, integrationUserId, permissionSetHolders, PrivilegedUsers.NONE);
	}

	public static ReclamationRules of(ReclamationSettings settings, @Nullable String integrationUserId,
			PermissionSetHolders permissionSetHolders, PrivilegedUsers privileged) {
		return new ReclamationRules(settings.rules().stream().map(InactivityRule::new).toList(),
				Exclusions.of(settings, integrationUserId, permissionSetHolders, privileged));
	}

	/** Whether a rule looks at deactivated users' seats, so their holdings must be read too. */
	public boolean looksAtInactiveUsers() {
		return this.rules.stream().anyMatch(InactivityRule::looksAtInactiveUsers);
	}

	public List<Decision> decide(Holding holding, Instant asOf) {
		return this.rules.stream()
			.filter(rule -> rule.covers(holding))
			.map(rule -> decide(rule, holding, asOf))
			.toList();
	}

	private Decision decide(InactivityRule rule, Holding holding, Instant asOf) {
		String evidence = rule.evidence(holding, asOf);
		if (evidence == null) {
			return new Decision(holding, rule.rule(), Decision.Outcome.ACTIVE, null);
		}
		String excluded = this.exclusions.reason(holding, asOf);
		return (excluded != null) ? new Decision(holding, rule.rule(), Decision.Outcome.SKIPPED, excluded, evidence)
				: new Decision(holding, rule.rule(), Decision.Outcome.CANDIDATE, null, evidence);
	}

}
