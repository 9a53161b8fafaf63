package dev.seatkeeper.license;

import org.jspecify.annotations.Nullable;

/**
 * A kind of right a user can hold, identified as {@code Kind:Key}: {@code UserLicense:SFDC},
 * {@code PermissionSetLicense:SalesConsoleUser}, {@code PackageLicense:sbqq}, {@code FeatureLicense:SupportUser}.
 * Totals and counts are Salesforce's, null where it publishes none: a feature license's come from
 * {@code ActiveFeatureLicenseMetric} ({@code TotalLicenseCount}, {@code AssignedUserCount}) where the org has it.
 *
 * @param monthlyLoginsEntitlement a login-based user license's allowance of logins a month
 * ({@code UserLicense.MonthlyLoginsEntitlement}); null for every license billed by users
 * @param monthlyLoginsUsed its logins this month ({@code MonthlyLoginsUsed}); null when not login-based
 * @param activeUsers Salesforce's count of assignees who logged in within 30 days (the Active*Metric objects), where
 * the org has them
 */
public record SoftwareModel(String identifier, Kind kind, @Nullable String salesforceId, String label,
		@Nullable String status, @Nullable Integer totalLicenses, @Nullable Integer usedLicenses, boolean unrecognized,
		@Nullable Integer monthlyLoginsEntitlement, @Nullable Integer monthlyLoginsUsed, @Nullable Integer activeUsers) {

	public SoftwareModel(String identifier, Kind kind, @Nullable String salesforceId, String label,
			@Nullable String status, @Nullable Integer totalLicenses, @Nullable Integer usedLicenses,
			boolean unrecognized) {
		this(identifier, kind, salesforceId, label, status, totalLicenses, usedLicenses, unrecognized, null, null);
	}

	public SoftwareModel(String identifier, Kind kind, @Nullable String salesforceId, String label,
			@Nullable String status, @Nullable Integer totalLicenses, @Nullable Integer usedLicenses,
			boolean unrecognized, @Nullable Integer monthlyLoginsEntitlement, @Nullable Integer monthlyLoginsUsed) {
		this(identifier, kind, salesforceId, label, status, totalLicenses, usedLicenses, unrecognized,
				monthlyLoginsEntitlement, monthlyLoginsUsed, null);
	}

	/** This model with Salesforce's daily metric: its total (where given), used (assigned) and active counts. */
	public SoftwareModel withMetric(LicenseMetrics.Metric metric) {
		Integer total = (metric.total() != null) ? metric.total() : this.totalLicenses;
		// Boxed first: an int branch would unbox a null usedLicenses (a model without UsedLicenses) and throw.
		Integer used = (this.kind == Kind.FEATURE_LICENSE) ? Integer.valueOf(metric.assigned()) : this.usedLicenses;
		return new SoftwareModel(this.identifier, this.kind, this.salesforceId, this.label, this.status, total, used,
				this.unrecognized, this.monthlyLoginsEntitlement, this.monthlyLoginsUsed, metric.active());
	}

	public enum Kind {

		USER_LICENSE("UserLicense"), PERMISSION_SET_LICENSE("PermissionSetLicense"), PACKAGE_LICENSE("PackageLicense"),
		FEATURE_LICENSE("FeatureLicense");

		private final String prefix;

		Kind(String prefix) {
			this.prefix = prefix;
		}

		public String identifier(String key) {
			return this.prefix + ":" + key;
		}

		/** The kind of an identifier such as {@code UserLicense:SFDC}, or null when its prefix is unknown. */
		public static @Nullable Kind ofIdentifier(String identifier) {
			for (Kind kind : values()) {
				if (identifier.startsWith(kind.prefix + ":")) {
					return kind;
				}
			}
			return null;
		}

	}

	/** A model met only through an assignment, which the license download did not list. */
	public static SoftwareModel unrecognized(String identifier) {
		Kind kind = Kind.ofIdentifier(identifier);
		return new SoftwareModel(identifier, (kind != null) ? kind : Kind.USER_LICENSE, null, identifier, null, null, null,
				true);
	}

}
