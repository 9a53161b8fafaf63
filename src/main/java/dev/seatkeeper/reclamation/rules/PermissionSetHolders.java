package dev.seatkeeper.reclamation.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceIds;
import dev.seatkeeper.salesforce.SalesforceRecords;
import dev.seatkeeper.salesforce.Soql;
import org.jspecify.annotations.Nullable;

/**
 * Who holds the permission sets and permission set groups a profile excludes, by user: looked up once per run of the
 * rules, not downloaded, since only these few matter. A set is held directly ({@code PermissionSetAssignment} by
 * {@code PermissionSet.Name}) or through a group that contains it: Salesforce assigns a group with one assignment
 * naming the group ({@code PermissionSetGroupId}) and the group's aggregate permission set, never its member sets, so
 * the groups containing an excluded set are found in {@code PermissionSetGroupComponent} and their holders asked for
 * by group. A restart of the rules step looks them up again, so an assignment made in between counts. Immutable.
 */
public final class PermissionSetHolders {

	/** No permission set is excluded. */
	public static final PermissionSetHolders NONE = new PermissionSetHolders(Map.of());

	/**
	 * What each holder holds, keyed by the case-sensitive 15-character user Id: the first in name order of
	 * "permission set X", "permission set X through group G" and "permission set group G".
	 */
	private final Map<String, String> heldByUser;

	PermissionSetHolders(Map<String, String> heldByUser) {
		this.heldByUser = Map.copyOf(heldByUser);
	}

	/** The holders of the named sets, asking Salesforce only when there are names to ask about. */
	public static PermissionSetHolders lookUp(Supplier<SalesforceClient> client, List<String> permissionSetNames) {
		return lookUp(client, permissionSetNames, List.of());
	}

	/** The holders of the named sets (directly or through a group) and of the named groups. */
	public static PermissionSetHolders lookUp(Supplier<SalesforceClient> client, List<String> permissionSetNames,
			List<String> permissionSetGroupNames) {
		if (permissionSetNames.isEmpty() && permissionSetGroupNames.isEmpty()) {
			return NONE;
		}
		Map<String, String> heldByUser = new HashMap<>();
		Map<String, String> groups = new HashMap<>();
		permissionSetGroupNames.forEach(group -> groups.put(group, "permission set group " + group));
		if (!permissionSetNames.isEmpty()) {
			client.get()
				.query("SELECT AssigneeId, PermissionSet.Name FROM PermissionSetAssignment WHERE PermissionSet.Name IN ("
						+ Soql.quoteAll(permissionSetNames) + ")")
				.forEach(assignment -> hold(heldByUser, SalesforceRecords.text(assignment, "AssigneeId"),
						"permission set " + SalesforceRecords.text(assignment, "PermissionSet.Name")));
			client.get()
				.query("SELECT PermissionSetGroup.DeveloperName, PermissionSet.Name FROM PermissionSetGroupComponent"
						+ " WHERE PermissionSet.Name IN (" + Soql.quoteAll(permissionSetNames) + ")")
				.forEach(component -> {
					String group = String.valueOf(SalesforceRecords.text(component, "PermissionSetGroup.DeveloperName"));
					groups.merge(group, "permission set " + SalesforceRecords.text(component, "PermissionSet.Name")
							+ " through group " + group, PermissionSetHolders::first);
				});
		}
		if (!groups.isEmpty()) {
			client.get()
				.query("SELECT AssigneeId, PermissionSetGroup.DeveloperName FROM PermissionSetAssignment"
						+ " WHERE PermissionSetGroup.DeveloperName IN (" + Soql.quoteAll(new ArrayList<>(groups.keySet()))
						+ ")")
				.forEach(assignment -> hold(heldByUser, SalesforceRecords.text(assignment, "AssigneeId"),
						groups.get(String.valueOf(SalesforceRecords.text(assignment, "PermissionSetGroup.DeveloperName")))));
		}
		return new PermissionSetHolders(heldByUser);
	}

	private static void hold(Map<String, String> heldByUser, @Nullable String userId, @Nullable String what) {
		if (userId != null && what != null) {
			heldByUser.merge(SalesforceIds.id15(userId), what, PermissionSetHolders::first);
		}
	}

	private static String first(String a, String b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/** What excluded the user holds ("permission set Keep_License through group Retention_Team"), or null. */
	public @Nullable String heldBy(String userId) {
		return this.heldByUser.get(SalesforceIds.id15(userId));
	}

	public int holders() {
		return this.heldByUser.size();
	}

}
