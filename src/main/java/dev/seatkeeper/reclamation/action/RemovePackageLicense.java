package dev.seatkeeper.reclamation.action;

import dev.seatkeeper.license.SoftwareModel.Kind;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.salesforce.SalesforceClient;

/** {@code remove-package-license}: deletes the user's {@code UserPackageLicense}, freeing a managed package seat. */
public final class RemovePackageLicense extends RemoveAssignment {

	RemovePackageLicense(SalesforceClient client) {
		super(client, new Shape(Kind.PACKAGE_LICENSE, "UserPackageLicense", "UserId", "PackageLicense.NamespacePrefix",
				"PackageLicenseId", "package license"));
	}

	@Override
	public Action action() {
		return Action.REMOVE_PACKAGE_LICENSE;
	}

}
