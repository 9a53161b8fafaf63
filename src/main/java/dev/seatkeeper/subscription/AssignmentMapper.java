package dev.seatkeeper.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.license.SoftwareModel.Kind;
import dev.seatkeeper.storage.FieldLimits;
import dev.seatkeeper.storage.Unstorable;
import tools.jackson.databind.JsonNode;

/** Maps permission set license and package license assignment records to {@link Assignment}s. */
final class AssignmentMapper {

	static final List<String> PERMISSION_SET_LICENSE_FIELDS = List.of("Id", "AssigneeId",
			"PermissionSetLicense.DeveloperName");

	static final List<String> PACKAGE_LICENSE_FIELDS = List.of("Id", "UserId", "PackageLicense.NamespacePrefix");

	static final FieldLimits LIMITS = new FieldLimits(Map.of("Id", 18, "AssigneeId", 18, "UserId", 18,
			"PermissionSetLicense.DeveloperName", 80, "PackageLicense.NamespacePrefix", 15));

	private AssignmentMapper() {
	}

	static Assignment permissionSetLicense(JsonNode record) {
		return assignment(record, "AssigneeId", Kind.PERMISSION_SET_LICENSE, "PermissionSetLicense.DeveloperName");
	}

	static Assignment packageLicense(JsonNode record) {
		return assignment(record, "UserId", Kind.PACKAGE_LICENSE, "PackageLicense.NamespacePrefix");
	}

	/** A field that cannot be stored marks the assignment to be skipped, as its license was by the license download. */
	private static Assignment assignment(JsonNode record, String userField, Kind kind, String keyField) {
		List<Unstorable> problems = new ArrayList<>();
		String id = LIMITS.text(record, "Id", problems::add);
		String userId = LIMITS.text(record, userField, problems::add);
		FieldLimits.require(userId, userField, problems::add);
		String key = LIMITS.text(record, keyField, problems::add);
		FieldLimits.require(key, keyField, problems::add);
		return new Assignment((id != null) ? id : "", (userId != null) ? userId : "",
				kind.identifier((key != null) ? key : ""), List.copyOf(problems));
	}

}
