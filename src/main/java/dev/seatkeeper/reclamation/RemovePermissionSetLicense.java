package dev.seatkeeper.reclamation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import dev.seatkeeper.license.SoftwareModel.Kind;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceRecords;
import dev.seatkeeper.salesforce.Soql;
import org.jspecify.annotations.Nullable;

/**
 * {@code remove-permission-set-license}: deletes the user's {@code PermissionSetLicenseAssign}. Salesforce refuses
 * while the user holds a permission set that requires the license, so before writing, the permission sets that
 * depend on each license are looked up (one query per chunk) to name them when the refusal comes: an operator
 * then knows which assignments to remove first.
 */
final class RemovePermissionSetLicense extends RemoveAssignment {

	RemovePermissionSetLicense(SalesforceClient client) {
		super(client, new Shape(Kind.PERMISSION_SET_LICENSE, "PermissionSetLicenseAssign", "AssigneeId",
				"PermissionSetLicense.DeveloperName", "PermissionSetLicenseId", "permission set license"));
	}

	@Override
	public Action action() {
		return Action.REMOVE_PERMISSION_SET_LICENSE;
	}

	@Override
	public Map<Long, String> refusalNotes(Collection<Target> targets) {
		List<String> users = targets.stream().map(t -> t.candidate().key().userId()).distinct().toList();
		List<String> licenses = targets.stream().map(Target::licenseId).filter(Objects::nonNull).distinct().toList();
		if (users.isEmpty() || licenses.isEmpty()) {
			return Map.of();
		}
		Map<String, TreeSet<String>> dependents = new HashMap<>();
		this.client
			.query("SELECT AssigneeId, PermissionSet.Name, PermissionSet.LicenseId FROM PermissionSetAssignment"
					+ " WHERE AssigneeId IN (" + Soql.quoteAll(users) + ") AND PermissionSet.LicenseId IN ("
					+ Soql.quoteAll(licenses) + ")")
			.forEach(assignment -> dependents
				.computeIfAbsent(key(SalesforceRecords.text(assignment, "AssigneeId"),
						SalesforceRecords.text(assignment, "PermissionSet.LicenseId")), k -> new TreeSet<>())
				.add(String.valueOf(SalesforceRecords.text(assignment, "PermissionSet.Name"))));
		Map<Long, String> notes = new HashMap<>();
		for (Target target : targets) {
			TreeSet<String> sets = dependents.get(key(target.candidate().key().userId(), target.licenseId()));
			if (sets != null) {
				notes.put(target.candidate().id(),
						"permission sets of the user that require this license: " + String.join(", ", sets));
			}
		}
		return notes;
	}

	private static String key(@Nullable String userId, @Nullable String licenseId) {
		return ReclaimQueries.id15(userId) + "/" + ReclaimQueries.id15(licenseId);
	}

}
