package dev.seatkeeper.reclamation.action;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.salesforce.SalesforceIds;
import dev.seatkeeper.salesforce.SObjectUpdate;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceRecords;
import dev.seatkeeper.salesforce.SaveOutcome;
import dev.seatkeeper.salesforce.Soql;

/** {@code deactivate}: {@code User.IsActive = false}, which frees the user's user license. */
public final class DeactivateUser implements ReclaimAction {

	private final SalesforceClient client;

	DeactivateUser(SalesforceClient client) {
		this.client = client;
	}

	@Override
	public Action action() {
		return Action.DEACTIVATE;
	}

	@Override
	public String describe(Candidate candidate) {
		return "deactivate user " + candidate.key().userId();
	}

	@Override
	public String noun() {
		return "deactivation";
	}

	@Override
	public String done() {
		return "user deactivated";
	}

	@Override
	public String alreadyDone() {
		return "the user is already inactive in Salesforce";
	}

	@Override
	public Map<Long, Target> pending(List<Candidate> candidates) {
		Set<String> active = this.client
			.query("SELECT Id FROM User WHERE IsActive = true AND Id IN (" + Soql.quoteAll(ReclaimQueries.userIds(candidates))
					+ ")")
			.map(user -> SalesforceIds.id15(SalesforceRecords.text(user, "Id")))
			.collect(Collectors.toSet());
		Map<Long, Target> pending = new HashMap<>();
		candidates.stream()
			.filter(c -> active.contains(SalesforceIds.id15(c.key().userId())))
			.forEach(c -> pending.put(c.id(), new Target(c, c.key().userId(), null)));
		return pending;
	}

	@Override
	public List<SaveOutcome> write(List<Target> targets) {
		return this.client.updateAll(targets.stream()
			.map(t -> new SObjectUpdate("User", t.recordId(), Map.of("IsActive", false)))
			.toList());
	}

}
