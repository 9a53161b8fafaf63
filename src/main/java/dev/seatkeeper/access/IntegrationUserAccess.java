package dev.seatkeeper.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.seatkeeper.job.ConnectCheck;
import dev.seatkeeper.job.OrgSetupException;
import dev.seatkeeper.job.RunContext;
import dev.seatkeeper.license.FeatureLicenses.Feature;
import dev.seatkeeper.license.FeatureLicenses;
import dev.seatkeeper.license.LicenseMetrics;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.salesforce.GlobalDescribe;
import dev.seatkeeper.salesforce.SObjectDescribe;
import dev.seatkeeper.salesforce.SalesforceClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * At {@code connect}: asks Salesforce what the integration user may see and do (the global describe, which lists only
 * the objects it may read and says which it may delete from, and the describe of User, which lists only the fields
 * the org has and field-level security lets it read; plus UserLogin's describe when freezing is enforced) and holds
 * that against what the profile's steps and reclamation rules need. Anything missing that a step cannot do without
 * fails the run at once with one message naming each missing permission ({@link OrgSetupException}: invalid
 * configuration, nothing written). What a step can do without is logged as skipped and left in the job
 * ExecutionContext, with the feature license fields the org has, so the steps select only what exists.
 *
 * <p>Two or three API calls a run, the same on a restart. Stateless and thread-safe.
 */
public class IntegrationUserAccess implements ConnectCheck {

	private static final Logger logger = LoggerFactory.getLogger(IntegrationUserAccess.class);

	/** The User fields {@code downloadSubscriptions} cannot do without ({@code ProfileId} for {@code Profile.*}). */
	static final List<String> USER_FIELDS = List.of("Id", "Username", "Email", "Name", "UserType", "IsActive",
			"LastLoginDate", "CreatedDate", "SystemModstamp", "ProfileId");

	/** The objects every run reads, by the step that reads them. */
	static final List<AccessNeed> READS = List.of(
			AccessNeed.required("UserLicense", "read by downloadLicenses", AccessNeed.VIEW_SETUP),
			AccessNeed.required("PermissionSetLicense", "read by downloadLicenses", AccessNeed.VIEW_SETUP),
			AccessNeed.required("PackageLicense", "read by downloadLicenses", AccessNeed.VIEW_SETUP),
			AccessNeed.required("PermissionSetLicenseAssign", "read by downloadPermissionSetAssignments",
					AccessNeed.VIEW_SETUP + " or Assign Permission Sets"),
			AccessNeed.required("UserPackageLicense", "read by downloadPackageAssignments", AccessNeed.VIEW_SETUP),
			AccessNeed.required("LoginHistory", "read by pullActivity", "Manage Users or Monitor Login History"),
			new AccessNeed("TenantUsageEntitlement", "read by downloadConsumption", AccessNeed.VIEW_SETUP
					+ ", or the org has no usage-based entitlements", "usage-based entitlements are not downloaded (org limits still are)"),
			new AccessNeed(LicenseMetrics.FEATURE_OBJECT, "read by downloadLicenses", AccessNeed.VIEW_SETUP
					+ "; the org has it from API 52.0", "feature license totals and Salesforce's assigned and active"
							+ " counts are not read (holders are still counted from the User flags)"),
			new AccessNeed(LicenseMetrics.PERMISSION_SET_LICENSE_OBJECT, "read by downloadLicenses",
					AccessNeed.VIEW_SETUP + "; the org has it from API 52.0",
					"Salesforce's active counts of permission set licenses are not read"));

	private static final String PERMISSION_SET_ASSIGNMENTS = AccessNeed.VIEW_SETUP
			+ ", Assign Permission Sets or Manage Users";

	@Override
	public void check(RunContext run, ExecutionContext jobContext) {
		SalesforceClient client = run.client();
		Profile profile = run.profile();
		String profileName = profile.name();
		GlobalDescribe objects = client.describeGlobal();
		SObjectDescribe user = client.describe("User");
		List<AccessNeed> lacking = new ArrayList<>();
		List<AccessNeed> refusedInEnforce = new ArrayList<>();
		for (AccessNeed read : reads(profile)) {
			if (!objects.mayRead(read.what())) {
				lacking.add(read);
			}
		}
		for (String field : USER_FIELDS) {
			if (!user.hasField(field)) {
				lacking.add(AccessNeed.required("User." + field, "read by downloadSubscriptions",
						"read access to the field in field-level security"));
			}
		}
		Mode mode = profile.reclamation().mode();
		if (mode != Mode.DETECT) {
			List<AccessNeed> writes = writesRefused(client, profile, objects, user);
			(mode == Mode.ENFORCE ? lacking : refusedInEnforce).addAll(writes);
		}
		List<AccessNeed> missing = lacking.stream().filter((need) -> !need.canDoWithout()).toList();
		if (!missing.isEmpty()) {
			throw new OrgSetupException("The integration user lacks what profile '" + profileName + "' needs: "
					+ missing.stream().map(AccessNeed::describe).collect(Collectors.joining("; "))
					+ ". Grant it in the integration user's permission set (README: \"Set up the integration user\")"
					+ " and run again; nothing was written.");
		}
		List<AccessNeed> skipped = lacking.stream().filter(AccessNeed::canDoWithout).toList();
		skipped.forEach((need) -> logger.warn("Profile {}: skipped: {}, because the integration user may not read {}"
				+ " (grant {})", profileName, need.skipped(), need.what(), need.grantedBy()));
		refusedInEnforce.forEach((need) -> logger.warn("Profile {}: {} mode writes nothing, but enforce mode would be"
				+ " refused: {}", profileName, mode.name().toLowerCase(Locale.ROOT), need.describe()));
		jobContext.putString(SKIPPED_OBJECTS, skipped.stream().map(AccessNeed::what).collect(Collectors.joining(",")));
		jobContext.putString(USER_FEATURE_FIELDS, features(profileName, user));
	}

	/** The objects this profile's run reads: every run's, plus those of its exclusions and rules. */
	static List<AccessNeed> reads(Profile profile) {
		List<AccessNeed> reads = new ArrayList<>(READS);
		if (!profile.reclamation().exclusions().permissionSets().isEmpty()) {
			reads.add(AccessNeed.required("PermissionSetAssignment",
					"read by applyReclamationRules for the permission set exclusions", PERMISSION_SET_ASSIGNMENTS));
		}
		if (profile.reclamation().mode() != Mode.DETECT) {
			for (Rule rule : profile.reclamation().rules()) {
				if (rule.action() == Action.FREEZE) {
					reads.add(AccessNeed.required("UserLogin", "read by rule '" + rule.name() + "' (FREEZE)",
							AccessNeed.MANAGE_USERS));
				}
				if (rule.action() == Action.REMOVE_PERMISSION_SET_LICENSE) {
					reads.add(AccessNeed.required("PermissionSetAssignment", "read by rule '" + rule.name()
							+ "' (REMOVE_PERMISSION_SET_LICENSE)", PERMISSION_SET_ASSIGNMENTS));
				}
			}
		}
		return reads;
	}

	/** The writes of the profile's rules that Salesforce would refuse this user. */
	private static List<AccessNeed> writesRefused(SalesforceClient client, Profile profile, GlobalDescribe objects,
			SObjectDescribe user) {
		List<AccessNeed> refused = new ArrayList<>();
		SObjectDescribe userLogin = null;
		for (Rule rule : profile.reclamation().rules()) {
			String usedBy = "by rule '" + rule.name() + "' (" + rule.action() + ")";
			switch (rule.action()) {
				case DEACTIVATE -> {
					if (!user.mayUpdate("IsActive")) {
						refused.add(AccessNeed.required("User.IsActive", "updated " + usedBy, AccessNeed.MANAGE_USERS));
					}
				}
				case FREEZE -> {
					if (objects.mayRead("UserLogin")) {
						userLogin = (userLogin != null) ? userLogin : client.describe("UserLogin");
						if (!userLogin.mayUpdate("IsFrozen")) {
							refused.add(AccessNeed.required("UserLogin.IsFrozen", "updated " + usedBy,
									AccessNeed.MANAGE_USERS));
						}
					}
				}
				case REMOVE_PERMISSION_SET_LICENSE -> {
					if (!objects.mayDelete("PermissionSetLicenseAssign")) {
						refused.add(AccessNeed.required("PermissionSetLicenseAssign", "deleted " + usedBy,
								AccessNeed.MANAGE_USERS));
					}
				}
				case DOWNGRADE -> {
					if (!user.mayUpdate("ProfileId")) {
						refused.add(AccessNeed.required("User.ProfileId", "updated " + usedBy, AccessNeed.MANAGE_USERS));
					}
				}
				case REMOVE_PACKAGE_LICENSE -> {
					if (!objects.mayDelete("UserPackageLicense")) {
						refused.add(AccessNeed.required("UserPackageLicense", "deleted " + usedBy,
								"Manage Package Licenses"));
					}
				}
			}
		}
		return refused.stream().distinct().toList();
	}

	/**
	 * The feature license flags the org has and the user may read; each other one is logged as not available, so the
	 * steps neither select it (INVALID_FIELD) nor count it.
	 */
	private static String features(String profile, SObjectDescribe user) {
		List<Feature> available = new ArrayList<>();
		List<Feature> absent = new ArrayList<>();
		for (Feature feature : FeatureLicenses.ALL) {
			(user.hasField(feature.field()) ? available : absent).add(feature);
		}
		if (!absent.isEmpty()) {
			logger.info("Profile {}: feature licenses not available in this org (their User field is missing, or hidden"
					+ " from the integration user by field-level security): {}", profile,
					absent.stream().map((f) -> f.label() + " (" + f.field() + ")").collect(Collectors.joining(", ")));
		}
		return available.stream().map(Feature::field).collect(Collectors.joining(","));
	}

}
