package dev.seatkeeper.reclamation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceRecords;
import dev.seatkeeper.salesforce.Soql;
import org.jspecify.annotations.Nullable;

/**
 * Who holds the permission sets a profile excludes, by user: looked up once per run of the rules with one query
 * ({@code PermissionSetAssignment} by {@code PermissionSet.Name}), not downloaded, since only these few sets matter.
 * A restart of the rules step looks them up again, so an assignment made in between counts. Immutable.
 */
public final class PermissionSetHolders {

	/** No permission set is excluded. */
	public static final PermissionSetHolders NONE = new PermissionSetHolders(Map.of());

	/** The first excluded set (by name) of each holder, keyed by the case-sensitive 15-character user Id. */
	private final Map<String, String> setByUser;

	PermissionSetHolders(Map<String, String> setByUser) {
		this.setByUser = Map.copyOf(setByUser);
	}

	/** The holders of the named sets, asking Salesforce only when there are names to ask about. */
	public static PermissionSetHolders lookUp(Supplier<SalesforceClient> client, List<String> permissionSetNames) {
		if (permissionSetNames.isEmpty()) {
			return NONE;
		}
		Map<String, String> setByUser = new HashMap<>();
		client.get()
			.query("SELECT AssigneeId, PermissionSet.Name FROM PermissionSetAssignment WHERE PermissionSet.Name IN ("
					+ Soql.quoteAll(permissionSetNames) + ")")
			.forEach(assignment -> setByUser.merge(ReclaimQueries.id15(SalesforceRecords.text(assignment, "AssigneeId")),
					String.valueOf(SalesforceRecords.text(assignment, "PermissionSet.Name")),
					(a, b) -> (a.compareTo(b) <= 0) ? a : b));
		return new PermissionSetHolders(setByUser);
	}

	/** The excluded permission set the user holds, or null. */
	public @Nullable String setOf(String userId) {
		return this.setByUser.get(ReclaimQueries.id15(userId));
	}

	public int holders() {
		return this.setByUser.size();
	}

}
