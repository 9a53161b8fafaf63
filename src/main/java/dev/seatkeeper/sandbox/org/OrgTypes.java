package dev.seatkeeper.sandbox.org;

import static dev.seatkeeper.sandbox.soql.SoqlSchema.FieldType.DATE;
import static dev.seatkeeper.sandbox.soql.SoqlSchema.FieldType.DOUBLE;
import static dev.seatkeeper.sandbox.soql.SoqlSchema.FieldType.ID;
import static dev.seatkeeper.sandbox.soql.SoqlSchema.FieldType.INTEGER;

import java.util.List;

/**
 * The sObject types the sandbox serves, with real API names, key prefixes and the fields license management
 * reads. Only the fields a reclaim touches are updatable; only license assignments are deletable (permission set
 * assignments could be deleted in Salesforce too, but nothing here does).
 */
public final class OrgTypes {

	public static final ObjectType ORGANIZATION = ObjectType.builder("Organization", "00D")
		.strings("Name", "OrganizationType", "InstanceName", "DefaultLocaleSidKey", "LanguageLocaleKey",
				"TimeZoneSidKey")
		.booleans("IsSandbox")
		.datetimes("CreatedDate")
		.build();

	public static final ObjectType USER_LICENSE = ObjectType.builder("UserLicense", "100")
		.strings("Name", "MasterLabel", "LicenseDefinitionKey", "Status")
		.field("TotalLicenses", INTEGER)
		.field("UsedLicenses", INTEGER)
		.field("MonthlyLoginsEntitlement", INTEGER)
		.field("MonthlyLoginsUsed", INTEGER)
		.datetimes("UsedLicensesLastUpdated", "CreatedDate", "LastModifiedDate")
		.build();

	public static final ObjectType PROFILE = ObjectType.builder("Profile", "00e")
		.strings("Name", "UserType")
		.lookup("UserLicense", "UserLicense")
		.datetimes("CreatedDate", "LastModifiedDate")
		.build();

	/** The feature licenses Salesforce tracks as checkboxes on User ({@code SupportUser} = Service Cloud). */
	public static final List<String> USER_PERMISSIONS = List.of("UserPermissionsSupportUser",
			"UserPermissionsMarketingUser", "UserPermissionsKnowledgeUser", "UserPermissionsInteractionUser",
			"UserPermissionsSFContentUser", "UserPermissionsOfflineUser", "UserPermissionsMobileUser");

	public static final ObjectType USER = ObjectType.builder("User", "005")
		.strings("Username", "FirstName", "LastName", "Name", "Email", "Alias", "CommunityNickname", "Title",
				"Department", "UserType", "TimeZoneSidKey", "LanguageLocaleKey")
		.booleans("IsActive")
		.lookup("Profile", "Profile")
		.datetimes("LastLoginDate", "CreatedDate", "LastModifiedDate", "SystemModstamp")
		.booleans(USER_PERMISSIONS.toArray(String[]::new))
		.updatable("IsActive", "Title", "Department", "ProfileId")
		.updatable(USER_PERMISSIONS.toArray(String[]::new))
		.build();

	public static final ObjectType USER_LOGIN = ObjectType.builder("UserLogin", "0Yw")
		.lookup("User", "User")
		.booleans("IsFrozen", "IsPasswordLocked")
		.datetimes("LastModifiedDate")
		.updatable("IsFrozen", "IsPasswordLocked")
		.build();

	public static final ObjectType PERMISSION_SET_LICENSE = ObjectType.builder("PermissionSetLicense", "0PL")
		.strings("DeveloperName", "MasterLabel", "PermissionSetLicenseKey", "Status")
		.field("TotalLicenses", INTEGER)
		.field("UsedLicenses", INTEGER)
		.field("ExpirationDate", DATE)
		.datetimes("CreatedDate")
		.build();

	public static final ObjectType PERMISSION_SET_LICENSE_ASSIGN = ObjectType
		.builder("PermissionSetLicenseAssign", "2LA")
		.lookup("Assignee", "User")
		.lookup("PermissionSetLicense", "PermissionSetLicense")
		.booleans("IsDeleted")
		.datetimes("CreatedDate", "SystemModstamp")
		.deletable()
		.build();

	/** The system permissions that make a user an administrator Seatkeeper never reclaims by default. */
	public static final List<String> ADMIN_PERMISSIONS = List.of("PermissionsModifyAllData", "PermissionsManageUsers",
			"PermissionsCustomizeApplication");

	/**
	 * Permission sets; {@code LicenseId} names the permission set license a set requires (Salesforce's lookup is
	 * polymorphic, to UserLicense or PermissionSetLicense; the sandbox only generates the latter, or none). As in
	 * Salesforce, a profile's own permissions live in a set it owns ({@code IsOwnedByProfile}, {@code ProfileId}).
	 */
	public static final ObjectType PERMISSION_SET = ObjectType.builder("PermissionSet", "0PS")
		.strings("Name", "Label", "Type")
		.lookup("License", "PermissionSetLicense")
		.booleans("IsOwnedByProfile", "IsCustom")
		.datetimes("CreatedDate")
		.lookup("Profile", "Profile")
		.booleans(ADMIN_PERMISSIONS.toArray(String[]::new))
		.updatable(ADMIN_PERMISSIONS.toArray(String[]::new))
		.build();

	/**
	 * Permission set groups (API 45.0+): a bundle of permission sets, listed in {@link #PERMISSION_SET_GROUP_COMPONENT}.
	 */
	public static final ObjectType PERMISSION_SET_GROUP = ObjectType.builder("PermissionSetGroup", "0PG")
		.strings("DeveloperName", "MasterLabel", "Status")
		.datetimes("CreatedDate")
		.build();

	public static final ObjectType PERMISSION_SET_GROUP_COMPONENT = ObjectType
		.builder("PermissionSetGroupComponent", "0PH")
		.lookup("PermissionSetGroup", "PermissionSetGroup")
		.lookup("PermissionSet", "PermissionSet")
		.build();

	/**
	 * A user's permission set, or permission set group: a group's assignment names the group in
	 * {@code PermissionSetGroupId} and the group's own aggregate permission set ({@code Type = 'Group'}) in
	 * {@code PermissionSetId}, never its member sets, so matching {@code PermissionSet.Name} misses group holders.
	 */
	public static final ObjectType PERMISSION_SET_ASSIGNMENT = ObjectType.builder("PermissionSetAssignment", "0Pa")
		.lookup("Assignee", "User")
		.lookup("PermissionSet", "PermissionSet")
		.lookup("PermissionSetGroup", "PermissionSetGroup")
		.datetimes("SystemModstamp")
		.build();

	public static final ObjectType PACKAGE_LICENSE = ObjectType.builder("PackageLicense", "050")
		.strings("NamespacePrefix", "Status")
		.field("AllowedLicenses", INTEGER)
		.field("UsedLicenses", INTEGER)
		.datetimes("ExpirationDate", "CreatedDate")
		.booleans("IsProvisioned")
		.build();

	public static final ObjectType USER_PACKAGE_LICENSE = ObjectType.builder("UserPackageLicense", "051")
		.lookup("PackageLicense", "PackageLicense")
		.lookup("User", "User")
		.booleans("IsDeleted")
		.datetimes("CreatedDate", "SystemModstamp")
		.deletable()
		.build();

	public static final ObjectType TENANT_USAGE_ENTITLEMENT = ObjectType.builder("TenantUsageEntitlement", "0sr")
		.strings("MasterLabel", "ResourceGroupKey", "Setting", "Frequency")
		.field("StartDate", DATE)
		.field("EndDate", DATE)
		.field("CurrentAmountAllowed", DOUBLE)
		.field("AmountUsed", DOUBLE)
		.field("UsageDate", DATE)
		.booleans("IsPersistentResource", "HasRollover")
		.build();

	public static final ObjectType LOGIN_HISTORY = ObjectType.builder("LoginHistory", "0Ya")
		.field("UserId", ID)
		.datetimes("LoginTime")
		.strings("LoginType", "Status", "Application", "Browser", "Platform", "SourceIp", "LoginUrl", "ApiType",
				"ApiVersion", "CountryIso")
		.build();

	/**
	 * Salesforce's daily feature license metrics (API 52.0+): one row per feature type the org has and metrics date.
	 * {@code ActiveUserCount} counts assignees who logged in within the 30 days before the metrics date.
	 */
	public static final ObjectType ACTIVE_FEATURE_LICENSE_METRIC = ObjectType.builder("ActiveFeatureLicenseMetric", "5Fm")
		.strings("FeatureType")
		.field("TotalLicenseCount", INTEGER)
		.field("AssignedUserCount", INTEGER)
		.field("ActiveUserCount", INTEGER)
		.field("MetricsDate", DATE)
		.datetimes("SystemModstamp")
		.build();

	/** The same per permission set license (API 52.0+; DeveloperName, MasterLabel and TotalLicenses came later). */
	public static final ObjectType ACTIVE_PERM_SET_LICENSE_METRIC = ObjectType
		.builder("ActivePermSetLicenseMetric", "5Pm")
		.lookup("PermissionSetLicense", "PermissionSetLicense")
		.strings("DeveloperName", "MasterLabel")
		.field("TotalLicenses", INTEGER)
		.field("AssignedUserCount", INTEGER)
		.field("ActiveUserCount", INTEGER)
		.field("MetricsDate", DATE)
		.datetimes("SystemModstamp")
		.build();

	/** The metric objects: an org has them only once collected ({@link LicenseMetrics}), and may lack them. */
	public static final List<ObjectType> LICENSE_METRICS = List.of(ACTIVE_FEATURE_LICENSE_METRIC,
			ACTIVE_PERM_SET_LICENSE_METRIC);

	public static final ObjectType ACCOUNT = crm("Account", "001", "Name");

	public static final ObjectType CONTACT = crm("Contact", "003", "Name");

	public static final ObjectType OPPORTUNITY = crm("Opportunity", "006", "Name");

	public static final ObjectType LEAD = crm("Lead", "00Q", "Name");

	public static final ObjectType CASE = crm("Case", "500", "Subject");

	public static final ObjectType CONTENT_VERSION = crm("ContentVersion", "068", "Title");

	/** The org's custom object: projects, which platform users work on. */
	public static final ObjectType PROJECT = crm("Project__c", "a01", "Name");

	/** The CRM objects whose creators and editors the org's users are: stored compactly in {@link CrmRecordTable}s. */
	public static final List<ObjectType> CRM = List.of(ACCOUNT, CONTACT, OPPORTUNITY, LEAD, CASE, CONTENT_VERSION,
			PROJECT);

	/** Every type in the order a describe would list them. */
	public static final List<ObjectType> ALL = List.of(ORGANIZATION, USER_LICENSE, PROFILE, USER, USER_LOGIN,
			PERMISSION_SET_LICENSE, PERMISSION_SET_LICENSE_ASSIGN, PERMISSION_SET, PERMISSION_SET_GROUP,
			PERMISSION_SET_GROUP_COMPONENT, PERMISSION_SET_ASSIGNMENT,
			PACKAGE_LICENSE, USER_PACKAGE_LICENSE, TENANT_USAGE_ENTITLEMENT, LOGIN_HISTORY,
			ACTIVE_FEATURE_LICENSE_METRIC, ACTIVE_PERM_SET_LICENSE_METRIC, ACCOUNT, CONTACT, OPPORTUNITY, LEAD, CASE,
			CONTENT_VERSION, PROJECT);

	/** The first REST API version serving the license metric objects. */
	public static final int LICENSE_METRICS_SINCE = 52;

	/** Whether an API version ({@code 62.0}) serves the type: the license metrics only from 52.0. */
	public static boolean servedIn(ObjectType type, String apiVersion) {
		if (!LICENSE_METRICS.contains(type)) {
			return true;
		}
		try {
			return Double.parseDouble(apiVersion) >= LICENSE_METRICS_SINCE;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/** A CRM object with the audit fields every Salesforce record has: who created and last changed it, and when. */
	private static ObjectType crm(String name, String keyPrefix, String nameField) {
		return ObjectType.builder(name, keyPrefix)
			.strings(nameField)
			.lookup("CreatedBy", "User")
			.datetimes("CreatedDate")
			.lookup("LastModifiedBy", "User")
			.datetimes("LastModifiedDate", "SystemModstamp")
			.build();
	}

	/** A type by API name (case-insensitive). */
	public static ObjectType byName(String name) {
		return ALL.stream()
			.filter((type) -> type.name().equalsIgnoreCase(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No sObject type " + name));
	}

	private OrgTypes() {
	}

}
