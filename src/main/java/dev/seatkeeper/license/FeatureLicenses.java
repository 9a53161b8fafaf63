package dev.seatkeeper.license;

import java.util.List;

import dev.seatkeeper.license.SoftwareModel.Kind;

/**
 * Feature licenses are user permission flags on the User record ({@code UserPermissionsSupportUser} is a Service
 * Cloud seat): the users holding them come from the flags. Their totals, Salesforce's assigned count and its 30-day
 * active count come from {@code ActiveFeatureLicenseMetric} where the org has it ({@link LicenseMetrics}).
 * {@link #ALL} is every value of that object's {@code FeatureType} picklist (Object Reference,
 * ActiveFeatureLicenseMetric), each with the User flag of the same name and the label Salesforce gives it.
 */
public final class FeatureLicenses {

	/** The flag's field name and the label Salesforce's setup pages show for it. */
	public record Feature(String field, String label) {

		public String key() {
			return this.field.substring("UserPermissions".length());
		}

		public String identifier() {
			return Kind.FEATURE_LICENSE.identifier(key());
		}

		public SoftwareModel model() {
			return new SoftwareModel(identifier(), Kind.FEATURE_LICENSE, null, this.label, "Active", null, null, false);
		}

	}

	public static final List<Feature> ALL = List.of(new Feature("UserPermissionsSupportUser", "Service Cloud User"),
			new Feature("UserPermissionsMarketingUser", "Marketing User"),
			new Feature("UserPermissionsKnowledgeUser", "Knowledge User"),
			new Feature("UserPermissionsInteractionUser", "Flow User"),
			new Feature("UserPermissionsSFContentUser", "Salesforce CRM Content User"),
			new Feature("UserPermissionsAvantgoUser", "AvantGo User"),
			new Feature("UserPermissionsChatterAnswersUser", "Chatter Answers User"),
			new Feature("UserPermissionsJigsawProspectingUser", "Data.com User"),
			new Feature("UserPermissionsLiveAgentUser", "Chat User"),
			new Feature("UserPermissionsMobileUser", "Apex Mobile User"),
			new Feature("UserPermissionsOfflineUser", "Offline User"),
			new Feature("UserPermissionsSiteforceContributorUser", "Site.com Contributor User"),
			new Feature("UserPermissionsSiteforcePublisherUser", "Site.com Publisher User"),
			new Feature("UserPermissionsWirelessUser", "Wireless User"),
			new Feature("UserPermissionsWorkDotComUserFeature", "WDC User"));

	private FeatureLicenses() {
	}

	/** The feature of a {@code FeatureType} value, or one named after it for a value this list does not know yet. */
	public static Feature ofType(String featureType) {
		return ALL.stream()
			.filter((feature) -> feature.key().equals(featureType))
			.findFirst()
			.orElseGet(() -> new Feature("UserPermissions" + featureType, featureType));
	}

}
