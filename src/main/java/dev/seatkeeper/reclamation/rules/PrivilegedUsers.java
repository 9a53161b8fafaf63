package dev.seatkeeper.reclamation.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceIds;
import dev.seatkeeper.salesforce.SalesforceRecords;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Users whose profile or permission sets make them administrators: Modify All Data, Manage Users or Customize
 * Application. In Salesforce a profile's permissions live in a permission set the profile owns
 * ({@code IsOwnedByProfile = true}), assigned to each of its users, so one {@code PermissionSetAssignment} query
 * finds holders through profiles and permission sets alike. Looked up once per run of the rules (a restart looks
 * again, so a grant made in between counts). Immutable.
 */
public final class PrivilegedUsers {

	/** Nobody is protected: the profile allows privileged users to be reclaimed. */
	public static final PrivilegedUsers NONE = new PrivilegedUsers(Map.of());

	static final String QUERY = "SELECT AssigneeId, PermissionSet.Name, PermissionSet.IsOwnedByProfile,"
			+ " PermissionSet.Profile.Name, PermissionSet.PermissionsModifyAllData, PermissionSet.PermissionsManageUsers,"
			+ " PermissionSet.PermissionsCustomizeApplication FROM PermissionSetAssignment"
			+ " WHERE PermissionSet.PermissionsModifyAllData = true OR PermissionSet.PermissionsManageUsers = true"
			+ " OR PermissionSet.PermissionsCustomizeApplication = true";

	private static final Map<String, String> PERMISSIONS = Map.of("PermissionSet.PermissionsModifyAllData",
			"Modify All Data", "PermissionSet.PermissionsManageUsers", "Manage Users",
			"PermissionSet.PermissionsCustomizeApplication", "Customize Application");

	private static final List<String> ORDER = List.of("PermissionSet.PermissionsModifyAllData",
			"PermissionSet.PermissionsManageUsers", "PermissionSet.PermissionsCustomizeApplication");

	/** Why each privileged user is protected, keyed by the case-sensitive 15-character user Id. */
	private final Map<String, String> reasonByUser;

	PrivilegedUsers(Map<String, String> reasonByUser) {
		this.reasonByUser = Map.copyOf(reasonByUser);
	}

	/** The administrators of the org, by one query; the first grant (profile before permission set) names the reason. */
	public static PrivilegedUsers lookUp(Supplier<SalesforceClient> client) {
		Map<String, String> reasonByUser = new HashMap<>();
		client.get()
			.query(QUERY)
			.forEach(assignment -> reasonByUser.merge(SalesforceIds.id15(SalesforceRecords.text(assignment, "AssigneeId")),
					reason(assignment), PrivilegedUsers::first));
		return new PrivilegedUsers(reasonByUser);
	}

	/** Why the user is protected, or null when no grant makes them an administrator. */
	public @Nullable String reasonOf(String userId) {
		return this.reasonByUser.get(SalesforceIds.id15(userId));
	}

	public int count() {
		return this.reasonByUser.size();
	}

	private static String reason(JsonNode assignment) {
		List<String> granted = new ArrayList<>();
		ORDER.stream().filter(field -> SalesforceRecords.bool(assignment, field)).forEach(field -> granted.add(PERMISSIONS.get(field)));
		boolean ownedByProfile = SalesforceRecords.bool(assignment, "PermissionSet.IsOwnedByProfile");
		String source = ownedByProfile ? "profile " + SalesforceRecords.text(assignment, "PermissionSet.Profile.Name")
				: "permission set " + SalesforceRecords.text(assignment, "PermissionSet.Name");
		return "protected administrator: " + source + " grants " + String.join(", ", granted);
	}

	/** Profiles first, then permission sets by name, so the recorded reason is the same on every run. */
	private static String first(String a, String b) {
		boolean aProfile = a.contains(": profile ");
		boolean bProfile = b.contains(": profile ");
		if (aProfile != bProfile) {
			return aProfile ? a : b;
		}
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
