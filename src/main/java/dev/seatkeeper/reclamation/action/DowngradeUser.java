package dev.seatkeeper.reclamation.action;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.seatkeeper.profile.Downgrade;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.salesforce.SalesforceIds;
import dev.seatkeeper.salesforce.SObjectUpdate;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceRecords;
import dev.seatkeeper.salesforce.SaveOutcome;
import dev.seatkeeper.salesforce.Soql;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code downgrade}: {@code User.ProfileId} set to the {@code targetProfile} of the downgrade the candidate's rule
 * makes from its license, which moves the user to the cheaper user license (the profile carries the license). Still
 * to write while the user is active, holds the downgrade's {@code from} license and has another profile; a restart
 * asks the same, so a user whose profile already changed is never written again. Salesforce refuses the change per
 * record when the target license has no seat free or the user holds a permission it does not allow. The target
 * profiles are resolved by name once per chunk ({@link TargetProfiles}); the target profile's Id travels in the
 * target's {@code licenseId} (the profile is what assigns the license).
 */
public final class DowngradeUser implements ReclaimAction {

	private final SalesforceClient client;

	private final String profileName;

	private final Map<String, Rule> rules = new HashMap<>();

	DowngradeUser(SalesforceClient client, String profileName, List<Rule> rules) {
		this.client = client;
		this.profileName = profileName;
		rules.forEach((rule) -> this.rules.put(rule.name(), rule));
	}

	@Override
	public Action action() {
		return Action.DOWNGRADE;
	}

	@Override
	public String describe(Candidate candidate) {
		Downgrade downgrade = downgrade(candidate);
		return "change the profile of user " + candidate.key().userId() + " to '"
				+ ((downgrade != null) ? downgrade.targetProfile() + "' (" + downgrade.to() + ")" : "?'");
	}

	@Override
	public String noun() {
		return "downgrade";
	}

	@Override
	public String done() {
		return "profile changed to the downgrade's target profile";
	}

	@Override
	public String alreadyDone() {
		return "the user no longer holds the license, or is inactive, in Salesforce (already downgraded, moved to"
				+ " another profile or deactivated)";
	}

	@Override
	public @Nullable String unsupported(Candidate candidate) {
		return (downgrade(candidate) == null) ? "rule '" + candidate.key().rule() + "' no longer downgrades "
				+ candidate.key().model() + " to a targetProfile (the profile's rules or downgrades changed)" : null;
	}

	/** The active users still holding the downgrade's license under another profile than its target. */
	@Override
	public Map<Long, Target> pending(List<Candidate> candidates) {
		List<Downgrade> downgrades = candidates.stream().map(this::downgrade).filter(Objects::nonNull).distinct()
			.toList();
		Map<String, String> targets = TargetProfiles.resolve(this.client, this.profileName, downgrades);
		Map<String, JsonNode> users = new HashMap<>();
		this.client
			.query("SELECT Id, ProfileId, Profile.UserLicense.LicenseDefinitionKey FROM User WHERE IsActive = true"
					+ " AND Id IN (" + Soql.quoteAll(ReclaimQueries.userIds(candidates)) + ")")
			.forEach((user) -> users.put(SalesforceIds.id15(SalesforceRecords.text(user, "Id")), user));
		Map<Long, Target> pending = new HashMap<>();
		for (Candidate candidate : candidates) {
			Downgrade downgrade = downgrade(candidate);
			JsonNode user = users.get(SalesforceIds.id15(candidate.key().userId()));
			if (downgrade == null || user == null) {
				continue;
			}
			String license = "UserLicense:" + SalesforceRecords.text(user, "Profile.UserLicense.LicenseDefinitionKey");
			String target = targets.get(downgrade.targetProfile());
			if (license.equals(downgrade.from()) && target != null
					&& !SalesforceIds.id15(SalesforceRecords.text(user, "ProfileId")).equals(SalesforceIds.id15(target))) {
				pending.put(candidate.id(), new Target(candidate, candidate.key().userId(), target));
			}
		}
		return pending;
	}

	@Override
	public List<SaveOutcome> write(List<Target> targets) {
		return this.client.updateAll(targets.stream()
			.map(t -> new SObjectUpdate("User", t.recordId(), Map.of("ProfileId", Objects.requireNonNull(t.licenseId()))))
			.toList());
	}

	private @Nullable Downgrade downgrade(Candidate candidate) {
		Rule rule = this.rules.get(candidate.key().rule());
		return (rule != null && rule.action() == Action.DOWNGRADE) ? rule.downgradeOf(candidate.key().model()) : null;
	}

}
