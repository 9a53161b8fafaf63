package dev.seatkeeper.sandbox.org;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Why Salesforce refuses to delete a permission set license assignment: the assignee holds permission sets that
 * require the license, directly or as members of a permission set group assigned to the user (a group assignment
 * names the group's aggregate set, which requires no license itself; its member sets do). Permission set assignments
 * are only created while the org is generated, so the index by assignee is built once, on first use, under the org's
 * lock (the writer's callers hold it).
 */
final class LicenseDependents {

	/**
	 * Not confirmed against Salesforce documentation: the Setup page tells admins to remove the dependent
	 * permission sets first, and DELETE_FAILED is the status code Salesforce uses for deletes blocked by
	 * dependent records. The message deliberately does not name the permission sets, as a client has to look them up.
	 */
	static final String STATUS_CODE = "DELETE_FAILED";

	static final String MESSAGE = "Can't remove this permission set license from the user: the user is assigned "
			+ "permission sets that require it. Remove those permission set assignments first.";

	private final SandboxOrg org;

	private @Nullable Map<String, List<Row>> setsByAssignee;

	LicenseDependents(SandboxOrg org) {
		this.org = org;
	}

	/** The refusal of deleting this assignment, or null when no permission set of the assignee requires its license. */
	SaveResult.@Nullable Error checkDelete(Row assignment) {
		if (assignment.type() != OrgTypes.PERMISSION_SET_LICENSE_ASSIGN) {
			return null;
		}
		Object license = assignment.fieldValue("PermissionSetLicenseId");
		for (Row set : setsOf((String) assignment.requiredValue("AssigneeId"))) {
			if (license != null && license.equals(set.fieldValue("LicenseId"))) {
				return SaveResult.Error.of(STATUS_CODE, MESSAGE);
			}
		}
		return null;
	}

	private List<Row> setsOf(String userId) {
		if (this.setsByAssignee == null) {
			Map<Object, List<Row>> members = new HashMap<>();
			for (Row component : this.org.table(OrgTypes.PERMISSION_SET_GROUP_COMPONENT).rows()) {
				members.computeIfAbsent(component.fieldValue("PermissionSetGroupId"), (id) -> new ArrayList<>())
					.add((Row) component.related("PermissionSet"));
			}
			Map<String, List<Row>> index = new HashMap<>();
			for (Row assignment : this.org.table(OrgTypes.PERMISSION_SET_ASSIGNMENT).rows()) {
				List<Row> sets = index.computeIfAbsent((String) assignment.fieldValue("AssigneeId"),
						(id) -> new ArrayList<>());
				sets.add((Row) assignment.related("PermissionSet"));
				Object group = assignment.fieldValue("PermissionSetGroupId");
				if (group != null) {
					sets.addAll(members.getOrDefault(group, List.of()));
				}
			}
			this.setsByAssignee = index;
		}
		return this.setsByAssignee.getOrDefault(userId, List.of());
	}

}
