package dev.seatkeeper.reclamation.action;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import dev.seatkeeper.license.SoftwareModel.Kind;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.salesforce.SalesforceIds;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceRecords;
import dev.seatkeeper.salesforce.Soql;
import org.jspecify.annotations.Nullable;

/**
 * {@code remove-permission-set-license}: deletes the user's {@code PermissionSetLicenseAssign}. Salesforce refuses
 * while the user holds a permission set that requires the license, directly or through a permission set group, so
 * before writing, the permission sets and groups that depend on each license are looked up (two queries per chunk:
 * the groups with a member set requiring the licenses, then the users' assignments) to name them when the refusal
 * comes: an operator then knows which assignments to remove first.
 */
public final class RemovePermissionSetLicense extends RemoveAssignment {

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
		Map<String, List<String[]>> licensedMembers = licensedMembersByGroup(licenses);
		Map<String, TreeSet<String>> sets = new HashMap<>();
		Map<String, TreeSet<String>> groups = new HashMap<>();
		String byGroup = licensedMembers.isEmpty() ? ""
				: " OR PermissionSetGroupId IN (" + Soql.quoteAll(List.copyOf(licensedMembers.keySet())) + ")";
		this.client
			.query("SELECT AssigneeId, PermissionSet.Name, PermissionSet.LicenseId, PermissionSetGroupId"
					+ " FROM PermissionSetAssignment WHERE AssigneeId IN (" + Soql.quoteAll(users)
					+ ") AND (PermissionSet.LicenseId IN (" + Soql.quoteAll(licenses) + ")" + byGroup + ")")
			.forEach(assignment -> {
				String user = SalesforceRecords.text(assignment, "AssigneeId");
				String license = SalesforceRecords.text(assignment, "PermissionSet.LicenseId");
				if (license != null) {
					sets.computeIfAbsent(key(user, license), k -> new TreeSet<>())
						.add(String.valueOf(SalesforceRecords.text(assignment, "PermissionSet.Name")));
				}
				String group = SalesforceRecords.text(assignment, "PermissionSetGroupId");
				for (String[] member : licensedMembers.getOrDefault(String.valueOf(group), List.of())) {
					groups.computeIfAbsent(key(user, member[2]), k -> new TreeSet<>())
						.add(member[0] + " (" + member[1] + ")");
				}
			});
		Map<Long, String> notes = new HashMap<>();
		for (Target target : targets) {
			String key = key(target.candidate().key().userId(), target.licenseId());
			String note = note(sets.get(key), groups.get(key));
			if (note != null) {
				notes.put(target.candidate().id(), note);
			}
		}
		return notes;
	}

	/**
	 * The groups holding a member set that requires one of the licenses: by group Id, each member as
	 * {@code [group name, set name, license Id]}. A group assignment names the group's aggregate set, which requires
	 * no license itself, so its members are found here.
	 */
	private Map<String, List<String[]>> licensedMembersByGroup(List<String> licenses) {
		Map<String, List<String[]>> members = new HashMap<>();
		this.client
			.query("SELECT PermissionSetGroupId, PermissionSetGroup.DeveloperName, PermissionSet.Name,"
					+ " PermissionSet.LicenseId FROM PermissionSetGroupComponent WHERE PermissionSet.LicenseId IN ("
					+ Soql.quoteAll(licenses) + ")")
			.forEach(component -> members
				.computeIfAbsent(String.valueOf(SalesforceRecords.text(component, "PermissionSetGroupId")),
						k -> new ArrayList<>())
				.add(new String[] { String.valueOf(SalesforceRecords.text(component, "PermissionSetGroup.DeveloperName")),
						String.valueOf(SalesforceRecords.text(component, "PermissionSet.Name")),
						SalesforceRecords.text(component, "PermissionSet.LicenseId") }));
		return members;
	}

	/** Names what keeps the license: the user's own permission sets, then the groups with the member set in each. */
	static @Nullable String note(@Nullable Collection<String> sets, @Nullable Collection<String> groups) {
		if (sets == null && groups == null) {
			return null;
		}
		if (groups == null) {
			return "permission sets of the user that require this license: " + String.join(", ", sets);
		}
		String viaGroups = "permission set groups of the user that require this license: " + String.join(", ", groups);
		return (sets == null) ? viaGroups
				: "permission sets of the user that require this license: " + String.join(", ", sets) + "; " + viaGroups;
	}

	private static String key(@Nullable String userId, @Nullable String licenseId) {
		return SalesforceIds.id15(userId) + "/" + SalesforceIds.id15(licenseId);
	}

}
