package dev.seatkeeper.reclamation.action;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.salesforce.SalesforceIds;
import dev.seatkeeper.salesforce.SObjectUpdate;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceRecords;
import dev.seatkeeper.salesforce.SaveOutcome;
import dev.seatkeeper.salesforce.Soql;

/**
 * {@code freeze}: {@code UserLogin.IsFrozen = true} on the user's UserLogin record. The user can no longer log in,
 * but keeps the user license: freezing is the reversible step before deactivation.
 */
public final class FreezeUser implements ReclaimAction {

	private final SalesforceClient client;

	FreezeUser(SalesforceClient client) {
		this.client = client;
	}

	@Override
	public Action action() {
		return Action.FREEZE;
	}

	@Override
	public String describe(Candidate candidate) {
		return "freeze user " + candidate.key().userId();
	}

	@Override
	public String noun() {
		return "freeze";
	}

	@Override
	public String done() {
		return "user frozen";
	}

	@Override
	public String alreadyDone() {
		return "the user is already frozen in Salesforce";
	}

	/** The unfrozen UserLogin of each candidate's user; a user without one cannot log in to begin with. */
	@Override
	public Map<Long, Target> pending(List<Candidate> candidates) {
		Map<String, String> unfrozenLogins = new HashMap<>();
		this.client
			.query("SELECT Id, UserId, IsFrozen FROM UserLogin WHERE UserId IN ("
					+ Soql.quoteAll(ReclaimQueries.userIds(candidates)) + ")")
			.filter(login -> !login.path("IsFrozen").asBoolean(false))
			.forEach(login -> unfrozenLogins.put(SalesforceIds.id15(SalesforceRecords.text(login, "UserId")),
					SalesforceRecords.text(login, "Id")));
		Map<Long, Target> pending = new HashMap<>();
		for (Candidate candidate : candidates) {
			String login = unfrozenLogins.get(SalesforceIds.id15(candidate.key().userId()));
			if (login != null) {
				pending.put(candidate.id(), new Target(candidate, login, null));
			}
		}
		return pending;
	}

	@Override
	public List<SaveOutcome> write(List<Target> targets) {
		return this.client.updateAll(targets.stream()
			.map(t -> new SObjectUpdate("UserLogin", t.recordId(), Map.of("IsFrozen", true)))
			.toList());
	}

}
