package dev.seatkeeper.reclamation.action;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.seatkeeper.license.SoftwareModel.Kind;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceRecords;
import dev.seatkeeper.salesforce.SaveOutcome;
import dev.seatkeeper.salesforce.Soql;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Frees a seat by deleting the record that assigns a license to the user. The candidate's model names the license
 * ({@code PermissionSetLicense:SalesConsoleUser}); the live assignment of that license to that user is looked up by
 * query, and gone once deleted, which is what a restart checks.
 */
abstract class RemoveAssignment implements ReclaimAction {

	/** Where a kind of assignment lives: its object, the user field, the license key path and the license Id field. */
	record Shape(Kind kind, String object, String userField, String keyPath, String licenseIdField, String what) {
	}

	protected final SalesforceClient client;

	private final Shape shape;

	RemoveAssignment(SalesforceClient client, Shape shape) {
		this.client = client;
		this.shape = shape;
	}

	@Override
	public String describe(Candidate candidate) {
		return "remove " + this.shape.what() + " " + ReclaimQueries.licenseKey(candidate, this.shape.kind())
				+ " from user " + candidate.key().userId();
	}

	@Override
	public String noun() {
		return this.shape.what() + " removal";
	}

	@Override
	public String done() {
		return this.shape.what() + " removed";
	}

	@Override
	public String alreadyDone() {
		return "the " + this.shape.what() + " is no longer assigned to the user in Salesforce";
	}

	@Override
	public @Nullable String unsupported(Candidate candidate) {
		return (ReclaimQueries.licenseKey(candidate, this.shape.kind()) == null)
				? "the rule removes a " + this.shape.what() + ", but " + candidate.key().model() + " is not one" : null;
	}

	@Override
	public Map<Long, Target> pending(List<Candidate> candidates) {
		List<String> keys = candidates.stream()
			.map(c -> ReclaimQueries.licenseKey(c, this.shape.kind()))
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		Map<String, JsonNode> live = new HashMap<>();
		this.client
			.query("SELECT Id, " + this.shape.userField() + ", " + this.shape.licenseIdField() + ", "
					+ this.shape.keyPath() + " FROM " + this.shape.object() + " WHERE " + this.shape.userField() + " IN ("
					+ Soql.quoteAll(ReclaimQueries.userIds(candidates)) + ") AND " + this.shape.keyPath() + " IN ("
					+ Soql.quoteAll(keys) + ")")
			.forEach(assignment -> live.put(ReclaimQueries.userAndKey(
					SalesforceRecords.text(assignment, this.shape.userField()),
					SalesforceRecords.text(assignment, this.shape.keyPath())), assignment));
		Map<Long, Target> pending = new HashMap<>();
		for (Candidate candidate : candidates) {
			JsonNode assignment = live.get(ReclaimQueries.userAndKey(candidate.key().userId(),
					ReclaimQueries.licenseKey(candidate, this.shape.kind())));
			if (assignment != null) {
				pending.put(candidate.id(), new Target(candidate, Objects.requireNonNull(
						SalesforceRecords.text(assignment, "Id")),
						SalesforceRecords.text(assignment, this.shape.licenseIdField())));
			}
		}
		return pending;
	}

	@Override
	public List<SaveOutcome> write(List<Target> targets) {
		return this.client.deleteAll(targets.stream().map(Target::recordId).toList());
	}

}
