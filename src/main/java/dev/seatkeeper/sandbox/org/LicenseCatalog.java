package dev.seatkeeper.sandbox.org;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The license mix of a generated org: user licenses with the profiles that use them and each profile's share of
 * users, plus permission set licenses and managed packages. Shares are chosen to look like a mid-size Sales and
 * Service Cloud org with communities.
 */
final class LicenseCatalog {

	/** @param loginBased billed by logins a month (MonthlyLoginsEntitlement), not by users */
	record License(String key, String name, String userType, boolean loginBased) {

		License(String key, String name, String userType) {
			this(key, name, userType, false);
		}

	}

	record Profile(String name, int license, double share) {
	}

	record PermissionSetLicense(String developerName, String label, String key, double share) {
	}

	record Package(String namespace, boolean siteLicense, double share) {
	}

	static final List<License> LICENSES = List.of(new License("SFDC", "Salesforce", "Standard"),
			new License("AUL", "Salesforce Platform", "Standard"),
			new License("PID_Customer_Community", "Customer Community", "CspLitePortal"),
			new License("PID_Partner_Community", "Partner Community", "PowerPartner"),
			new License("CSN_User", "Chatter Free", "CsnOnly"), new License("GUEST", "Guest User License", "Guest"),
			new License("PID_Customer_Community_Login", "Customer Community Login", "CspLitePortal", true));

	static final int SFDC = 0;

	static final int GUEST = 5;

	static final int CUSTOMER_COMMUNITY = 2;

	static final int CUSTOMER_COMMUNITY_LOGIN = 6;

	/**
	 * Profile 0 is the administrators', 1 the integration user's, 9 the site guest's. The last, Customer Community
	 * Login User, is drawn by no share: every third user drawn for Customer Community User gets it instead, so orgs of a
	 * seed keep every other figure of before.
	 */
	static final List<Profile> PROFILES = List.of(new Profile("System Administrator", SFDC, 0.01),
			new Profile("Integration API Only", SFDC, 0.0), new Profile("Standard User", SFDC, 0.20),
			new Profile("Sales User", SFDC, 0.14), new Profile("Service Agent", SFDC, 0.10),
			new Profile("Standard Platform User", 1, 0.15), new Profile("Customer Community User", 2, 0.15),
			new Profile("Partner Community User", 3, 0.05), new Profile("Chatter Free User", 4, 0.20),
			new Profile("Acme Site Guest User", GUEST, 0.0),
			new Profile("Customer Community Login User", CUSTOMER_COMMUNITY_LOGIN, 0.0));

	static final int ADMIN_PROFILE = 0;

	static final int INTEGRATION_PROFILE = 1;

	static final int GUEST_PROFILE = 9;

	static final int CUSTOMER_COMMUNITY_PROFILE = 6;

	static final int CUSTOMER_COMMUNITY_LOGIN_PROFILE = 10;

	static final List<PermissionSetLicense> PERMISSION_SET_LICENSES = List.of(
			new PermissionSetLicense("SalesConsoleUser", "Sales Console User", "SalesConsoleUser", 0.35),
			new PermissionSetLicense("SalesforceCPQ_CPQStandardPerm", "Salesforce CPQ License",
					"SalesforceCPQ_CPQStandardPerm", 0.20),
			new PermissionSetLicense("EinsteinAnalyticsPlusPsl", "CRM Analytics Plus", "EinsteinAnalyticsPlusPsl",
					0.08),
			new PermissionSetLicense("FieldServiceSchedulingPsl", "Field Service Scheduling",
					"FieldServiceSchedulingPsl", 0.05));

	/**
	 * A permission set, the index of the permission set license it requires (-1: none) and the share of that
	 * license's holders (or, without one, of full Salesforce users) assigned to it.
	 */
	record PermissionSet(String name, String label, int license, double share) {
	}

	/** Licensed sets make removing their license fail for their assignees; the others are plain access bundles. */
	static final List<PermissionSet> PERMISSION_SETS = List.of(
			new PermissionSet("Sales_Console_Access", "Sales Console Access", 0, 0.40),
			new PermissionSet("CPQ_Quote_Manager", "CPQ Quote Manager", 1, 0.30),
			new PermissionSet("CPQ_Admin", "CPQ Admin", 1, 0.10),
			new PermissionSet("Analytics_Plus_Viewer", "CRM Analytics Plus Viewer", 2, 0.50),
			new PermissionSet("Field_Service_Dispatcher", "Field Service Dispatcher", 3, 0.40),
			new PermissionSet("Keep_License", "Keep License (never reclaim)", -1, 0.04),
			new PermissionSet("Report_Builder", "Report Builder", -1, 0.15),
			new PermissionSet("API_Enabled", "API Enabled", -1, 0.05));

	/**
	 * Permission set licenses whose assignments stop counting against {@code UsedLicenses} when their user is
	 * deactivated (Salesforce knowledge article 000394412, "Permission Set License is available for assignment on user
	 * deactivation": Salesforce CPQ, Salesforce Billing, Advanced Approvals). Every other permission set license, and
	 * every managed package seat, keeps counting until the assignment is removed. The CPQ and Advanced Approvals
	 * developer names are the ones public org scripts use; Billing's is not confirmed.
	 */
	static final java.util.Set<String> RELEASED_ON_DEACTIVATION = java.util.Set.of("SalesforceCPQ_CPQStandardPerm",
			"SalesforceCPQ_CPQAAPerm", "SalesforceBilling_BillingStandardPerm");

	static final List<Package> PACKAGES = List.of(new Package("SBQQ", false, 0.20),
			new Package("FinServ", false, 0.10), new Package("et4ae5", true, 0.0));

	/**
	 * Feature licenses (User flags, with their labels) that only the Salesforce user license carries: a user holding
	 * one cannot move to a profile of another license. That Salesforce refuses the move (rather than clear the flag)
	 * is unverified: the cautious reading.
	 */
	static final java.util.Map<String, String> SALESFORCE_ONLY_FEATURES = java.util.Map.of(
			"UserPermissionsSupportUser", "Service Cloud User", "UserPermissionsMarketingUser", "Marketing User");

	/** Whether a user license is a full internal one (Salesforce, Salesforce Platform), between which users may move. */
	static boolean isInternal(@Nullable Object licenseDefinitionKey) {
		return "SFDC".equals(licenseDefinitionKey) || "AUL".equals(licenseDefinitionKey);
	}

	/** Whether the user license of this LicenseDefinitionKey is billed by logins a month. */
	static boolean isLoginBased(@Nullable Object licenseDefinitionKey) {
		return LICENSES.stream().anyMatch(license -> license.loginBased() && license.key().equals(licenseDefinitionKey));
	}

	private LicenseCatalog() {
	}

}
