package dev.seatkeeper.subscription;

import java.util.List;

import dev.seatkeeper.license.SoftwareModel.Kind;
import dev.seatkeeper.salesforce.SalesforceRecords;
import tools.jackson.databind.JsonNode;

/** Maps permission set license and package license assignment records to {@link Assignment}s. */
final class AssignmentMapper {

	static final List<String> PERMISSION_SET_LICENSE_FIELDS = List.of("Id", "AssigneeId",
			"PermissionSetLicense.DeveloperName");

	static final List<String> PACKAGE_LICENSE_FIELDS = List.of("Id", "UserId", "PackageLicense.NamespacePrefix");

	private AssignmentMapper() {
	}

	static Assignment permissionSetLicense(JsonNode record) {
		return new Assignment(SalesforceRecords.text(record, "Id"), SalesforceRecords.text(record, "AssigneeId"),
				Kind.PERMISSION_SET_LICENSE.identifier(SalesforceRecords.text(record, "PermissionSetLicense.DeveloperName")));
	}

	static Assignment packageLicense(JsonNode record) {
		return new Assignment(SalesforceRecords.text(record, "Id"), SalesforceRecords.text(record, "UserId"),
				Kind.PACKAGE_LICENSE.identifier(SalesforceRecords.text(record, "PackageLicense.NamespacePrefix")));
	}

}
