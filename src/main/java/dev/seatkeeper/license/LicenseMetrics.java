package dev.seatkeeper.license;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceRecords;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads Salesforce's daily license metrics (API 52.0+): {@code ActiveFeatureLicenseMetric} per feature type and
 * {@code ActivePermSetLicenseMetric} per permission set license. Salesforce collects them once a day, so their counts
 * are as of their {@code MetricsDate}, not of the run; only the latest date is read (the first query finds it, the
 * second reads its rows: a handful of rows, two API calls per object). Only fields present since 52.0 are selected.
 * Stateless and thread-safe.
 */
public final class LicenseMetrics {

	public static final String FEATURE_OBJECT = "ActiveFeatureLicenseMetric";

	public static final String PERMISSION_SET_LICENSE_OBJECT = "ActivePermSetLicenseMetric";

	static final String LATEST_DATE = "SELECT MetricsDate FROM %s ORDER BY MetricsDate DESC LIMIT 1";

	static final String FEATURES = "SELECT FeatureType, TotalLicenseCount, AssignedUserCount, ActiveUserCount, MetricsDate"
			+ " FROM ActiveFeatureLicenseMetric WHERE MetricsDate = %s ORDER BY FeatureType";

	static final String PERMISSION_SET_LICENSES = "SELECT PermissionSetLicenseId, AssignedUserCount, ActiveUserCount,"
			+ " MetricsDate FROM ActivePermSetLicenseMetric WHERE MetricsDate = %s ORDER BY PermissionSetLicenseId";

	/**
	 * One metric row.
	 * @param total provisioned seats (a feature license's {@code TotalLicenseCount}); null where not read
	 * @param assigned Salesforce's {@code AssignedUserCount}
	 * @param active Salesforce's {@code ActiveUserCount}: assignees who logged in within the 30 days before the date
	 */
	public record Metric(LocalDate metricsDate, @Nullable Integer total, int assigned, int active) {
	}

	private LicenseMetrics() {
	}

	/** The latest feature license metrics by {@code FeatureType}; empty when Salesforce has collected none yet. */
	static Map<String, Metric> features(SalesforceClient client) {
		Map<String, Metric> metrics = new LinkedHashMap<>();
		latestDate(client, FEATURE_OBJECT).ifPresent((date) -> client.query(FEATURES.formatted(date))
			.forEach((row) -> metrics.put(String.valueOf(SalesforceRecords.text(row, "FeatureType")),
					new Metric(date, count(row, "TotalLicenseCount"), orZero(row, "AssignedUserCount"),
							orZero(row, "ActiveUserCount")))));
		return metrics;
	}

	/** The latest permission set license metrics by the license's Id (18 characters, as queries return Ids). */
	static Map<String, Metric> permissionSetLicenses(SalesforceClient client) {
		Map<String, Metric> metrics = new LinkedHashMap<>();
		latestDate(client, PERMISSION_SET_LICENSE_OBJECT).ifPresent((date) -> client
			.query(PERMISSION_SET_LICENSES.formatted(date))
			.forEach((row) -> metrics.put(String.valueOf(SalesforceRecords.text(row, "PermissionSetLicenseId")),
					new Metric(date, null, orZero(row, "AssignedUserCount"), orZero(row, "ActiveUserCount")))));
		return metrics;
	}

	private static Optional<LocalDate> latestDate(SalesforceClient client, String object) {
		return client.query(LATEST_DATE.formatted(object))
			.flatMap((row) -> Optional.ofNullable(SalesforceRecords.date(row, "MetricsDate")).stream())
			.findFirst();
	}

	private static @Nullable Integer count(JsonNode row, String field) {
		Long value = SalesforceRecords.number(row, field);
		return (value != null) ? Math.toIntExact(value) : null;
	}

	/** The counts are nillable; a null count is none counted. */
	private static int orZero(JsonNode row, String field) {
		Integer value = count(row, field);
		return (value != null) ? value : 0;
	}

}
