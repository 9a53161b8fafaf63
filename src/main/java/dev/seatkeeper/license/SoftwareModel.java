package dev.seatkeeper.license;

import org.jspecify.annotations.Nullable;

/**
 * A kind of right a user can hold, identified as {@code Kind:Key}: {@code UserLicense:SFDC},
 * {@code PermissionSetLicense:SalesConsoleUser}, {@code PackageLicense:sbqq}, {@code FeatureLicense:SupportUser}.
 * Totals are Salesforce's (null where Salesforce publishes none, as for feature licenses).
 *
 * @param monthlyLoginsEntitlement a login-based user license's allowance of logins a month
 * ({@code UserLicense.MonthlyLoginsEntitlement}); null for every license billed by users
 * @param monthlyLoginsUsed its logins this month ({@code MonthlyLoginsUsed}); null when not login-based
 */
public record SoftwareModel(String identifier, Kind kind, @Nullable String salesforceId, String label,
		@Nullable String status, @Nullable Integer totalLicenses, @Nullable Integer usedLicenses, boolean unrecognized,
		@Nullable Integer monthlyLoginsEntitlement, @Nullable Integer monthlyLoginsUsed) {

	public SoftwareModel(String identifier, Kind kind, @Nullable String salesforceId, String label,
			@Nullable String status, @Nullable Integer totalLicenses, @Nullable Integer usedLicenses,
			boolean unrecognized) {
		this(identifier, kind, salesforceId, label, status, totalLicenses, usedLicenses, unrecognized, null, null);
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
