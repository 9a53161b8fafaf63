package dev.seatkeeper.license;

import java.util.Set;

import dev.seatkeeper.license.SoftwareModel.Kind;

/**
 * Whose holdings use a seat, per kind of model, as Salesforce counts {@code UsedLicenses}: the one place that says it.
 * <ul>
 * <li>User licenses and feature licenses: active users only. Deactivating a user frees both.</li>
 * <li>Permission set licenses and managed package licenses: every current assignment, active user or not. A
 * deactivated user's {@code PermissionSetLicenseAssign} and {@code UserPackageLicense} keep their seat until the
 * assignment is removed.</li>
 * <li>Except the permission set licenses Salesforce releases on deactivation: Salesforce CPQ, Salesforce Billing and
 * Advanced Approvals (knowledge article 000394412, "Permission Set License is available for assignment on user
 * deactivation", October 2024). They count active users only.</li>
 * </ul>
 * The CPQ and Advanced Approvals developer names are the ones public org set-up scripts assign; Billing's developer
 * name and the labels are not confirmed by a Salesforce document, so both the developer name and the label are
 * matched. Stateless and thread-safe.
 */
public final class SeatCounting {

	/** Developer names of the permission set licenses Salesforce releases when their user is deactivated. */
	public static final Set<String> RELEASED_ON_DEACTIVATION = Set.of("SalesforceCPQ_CPQStandardPerm",
			"SalesforceCPQ_CPQAAPerm", "SalesforceBilling_BillingStandardPerm");

	/** Their labels (MasterLabel), matched as well where the developer name differs. */
	public static final Set<String> RELEASED_ON_DEACTIVATION_LABELS = Set.of("Salesforce CPQ License",
			"Salesforce CPQ AA License", "Salesforce Billing License");

	private SeatCounting() {
	}

	/** Whether a deactivated user's current holding of the model still uses one of its seats. */
	public static boolean inactiveHolderUsesSeat(String model, String label) {
		Kind kind = Kind.ofIdentifier(model);
		if (kind == Kind.PACKAGE_LICENSE) {
			return true;
		}
		return kind == Kind.PERMISSION_SET_LICENSE && !releasedOnDeactivation(model, label);
	}

	/** Whether the kind of model is one whose seats deactivation frees (user and feature licenses). */
	public static boolean freedByDeactivation(String model, String label) {
		return !inactiveHolderUsesSeat(model, label);
	}

	static boolean releasedOnDeactivation(String model, String label) {
		String key = model.substring(model.indexOf(':') + 1);
		return RELEASED_ON_DEACTIVATION.contains(key) || RELEASED_ON_DEACTIVATION_LABELS.contains(label);
	}

}
