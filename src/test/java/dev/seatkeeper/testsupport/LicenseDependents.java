package dev.seatkeeper.testsupport;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import org.jspecify.annotations.Nullable;

/**
 * What keeps a permission set license assignment from being removed, read from the sandbox's data: the assignee's
 * own permission sets that require the license, and the assignee's permission set groups with a member set that does
 * ("Console_Team (Sales_Console_Access)"). The note Seatkeeper writes on a refusal must name exactly these.
 */
public final class LicenseDependents {

	private LicenseDependents() {
	}

	/** The assignee's own permission sets requiring the license, by name. */
	public static List<String> sets(Sandbox sandbox, Row licenseAssignment) {
		TreeSet<String> sets = new TreeSet<>();
		for (Row assignment : assignmentsOf(sandbox, licenseAssignment)) {
			if (Objects.equals(licenseAssignment.fieldValue("PermissionSetLicenseId"),
					assignment.value("PermissionSet.LicenseId"))) {
				sets.add((String) assignment.value("PermissionSet.Name"));
			}
		}
		return List.copyOf(sets);
	}

	/** The assignee's groups with a member set requiring the license, as "Group (Set)". */
	public static List<String> groups(Sandbox sandbox, Row licenseAssignment) {
		TreeSet<String> groups = new TreeSet<>();
		for (Row assignment : assignmentsOf(sandbox, licenseAssignment)) {
			Object group = assignment.fieldValue("PermissionSetGroupId");
			if (group == null) {
				continue;
			}
			for (Row component : sandbox.org().table(OrgTypes.PERMISSION_SET_GROUP_COMPONENT).rows()) {
				if (group.equals(component.fieldValue("PermissionSetGroupId")) && Objects.equals(
						licenseAssignment.fieldValue("PermissionSetLicenseId"), component.value("PermissionSet.LicenseId"))) {
					groups.add(component.value("PermissionSetGroup.DeveloperName") + " ("
							+ component.value("PermissionSet.Name") + ")");
				}
			}
		}
		return List.copyOf(groups);
	}

	/** The refusal note Seatkeeper must write, or null when nothing of the user requires the license. */
	public static @Nullable String note(Sandbox sandbox, Row licenseAssignment) {
		List<String> sets = sets(sandbox, licenseAssignment);
		List<String> groups = groups(sandbox, licenseAssignment);
		String direct = "permission sets of the user that require this license: " + String.join(", ", sets);
		String viaGroups = "permission set groups of the user that require this license: " + String.join(", ", groups);
		if (groups.isEmpty()) {
			return sets.isEmpty() ? null : direct;
		}
		return sets.isEmpty() ? viaGroups : direct + "; " + viaGroups;
	}

	private static List<Row> assignmentsOf(Sandbox sandbox, Row licenseAssignment) {
		return sandbox.org()
			.table(OrgTypes.PERMISSION_SET_ASSIGNMENT)
			.rows()
			.stream()
			.filter(a -> a.fieldValue("AssigneeId").equals(licenseAssignment.fieldValue("AssigneeId")))
			.toList();
	}

}
