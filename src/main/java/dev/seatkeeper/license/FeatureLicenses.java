package dev.seatkeeper.license;

import java.util.List;

import dev.seatkeeper.license.SoftwareModel.Kind;

/**
 * Feature licenses are user permission flags on the User record ({@code UserPermissionsSupportUser} is a Service
 * Cloud seat). Salesforce lists no object with their totals over REST, so their models carry no total; the users
 * holding them come from the flags.
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
			new Feature("UserPermissionsSFContentUser", "Salesforce CRM Content User"));

	private FeatureLicenses() {
	}

}
