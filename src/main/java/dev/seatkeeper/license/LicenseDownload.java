package dev.seatkeeper.license;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.job.SalesforceTasklet;
import dev.seatkeeper.license.SoftwareModel.Kind;
import dev.seatkeeper.salesforce.SalesforceApiException;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceRecords;
import dev.seatkeeper.storage.FieldLimits;
import dev.seatkeeper.storage.SkippedRecords;
import dev.seatkeeper.storage.StorableRows;
import dev.seatkeeper.storage.Unstorable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Downloads the org's license definitions (user, permission set and managed package licenses, a few dozen rows in
 * any org) and the feature license catalogue into software models, with Salesforce's daily license metrics where the
 * org has them ({@link LicenseMetrics}): a feature license's total and assigned and active counts, a permission set
 * license's active count. Every feature type the metric reports becomes a model, also one whose User flag the
 * integration user cannot read (its holders are then not counted). One transaction of idempotent upserts, so a
 * restart simply does it again. A license that cannot be stored is skipped and recorded, with its assignments.
 */
public class LicenseDownload extends SalesforceTasklet {

	private static final Logger logger = LoggerFactory.getLogger(LicenseDownload.class);

	static final String USER_LICENSES = "SELECT Id, Name, LicenseDefinitionKey, Status, TotalLicenses, UsedLicenses FROM UserLicense ORDER BY Id";

	/**
	 * With the monthly login figures of login-based licenses. Salesforce shows these two fields only where Digital
	 * Experiences (communities) is enabled; elsewhere selecting them is INVALID_FIELD, and the org has no login-based
	 * license to count.
	 */
	static final String USER_LICENSES_WITH_LOGINS = "SELECT Id, Name, LicenseDefinitionKey, Status, TotalLicenses,"
			+ " UsedLicenses, MonthlyLoginsEntitlement, MonthlyLoginsUsed FROM UserLicense ORDER BY Id";

	static final String PERMISSION_SET_LICENSES = "SELECT Id, DeveloperName, MasterLabel, Status, TotalLicenses, UsedLicenses FROM PermissionSetLicense ORDER BY Id";

	static final String PACKAGE_LICENSES = "SELECT Id, NamespacePrefix, Status, AllowedLicenses, UsedLicenses FROM PackageLicense ORDER BY Id";

	/**
	 * The lengths of the fields a model's identifier is made of (DeveloperName 80, NamespacePrefix 15; the license
	 * key as the user download checks it), so the identifier fits its column on H2 and MySQL alike; labels and
	 * statuses up to their columns' widths.
	 */
	static final FieldLimits LIMITS = new FieldLimits(
			Map.of("LicenseDefinitionKey", 64, "DeveloperName", 80, "NamespacePrefix", 15),
			Map.of("Name", 255, "MasterLabel", 255, "Status", 32));

	private final SalesforceClient client;

	private final JdbcTemplate jdbc;

	private final RunKey run;

	private final List<FeatureLicenses.Feature> features;

	private final boolean featureMetrics;

	private final boolean permissionSetLicenseMetrics;

	/**
	 * @param features the feature licenses whose User flag exists and is readable; a feature the metric does not
	 * report either is not in this org, so no model is written for it and an entitlement naming it shows as not in
	 * the org
	 * @param featureMetrics whether the org has {@code ActiveFeatureLicenseMetric} and the user may read it
	 * @param permissionSetLicenseMetrics likewise {@code ActivePermSetLicenseMetric}
	 */
	public LicenseDownload(SalesforceClient client, JdbcTemplate jdbc, RunKey run, List<FeatureLicenses.Feature> features,
			boolean featureMetrics, boolean permissionSetLicenseMetrics) {
		this.client = client;
		this.jdbc = jdbc;
		this.run = run;
		this.features = List.copyOf(features);
		this.featureMetrics = featureMetrics;
		this.permissionSetLicenseMetrics = permissionSetLicenseMetrics;
	}

	@Override
	protected void run(StepContribution contribution, ChunkContext chunkContext) {
		List<License> licenses = new ArrayList<>();
		userLicenses().forEach(licenses::add);
		this.client.query(PERMISSION_SET_LICENSES).map(LicenseDownload::permissionSetLicenseRecord).forEach(licenses::add);
		this.client.query(PACKAGE_LICENSES).map(LicenseDownload::packageLicenseRecord).forEach(licenses::add);
		if (this.permissionSetLicenseMetrics) {
			Map<String, LicenseMetrics.Metric> metrics = LicenseMetrics.permissionSetLicenses(this.client);
			licenses.replaceAll((license) -> license.withMetric(metrics));
		}
		featureModels().forEach(model -> licenses.add(new License(model, List.of())));
		licenses.forEach(license -> contribution.incrementReadCount());
		StepExecution step = contribution.getStepExecution();
		SkippedRecords skipped = new SkippedRecords(this.jdbc, this.run.profile(), step.getJobExecutionId(),
				step.getStepName(), this.run.asOfUtc());
		List<License> stored = new StorableRows<License>(
				rows -> SoftwareModelWriter.upsert(this.jdbc, this.run, rows.stream().map(License::model).toList()),
				license -> license.model().salesforceId(), License::unstorable, skipped)
			.store(licenses);
		contribution.incrementWriteCount(stored.size());
		logger.info("Profile {}: {} software models", this.run.profile(), stored.size());
	}

	/** A license record as a software model, with what keeps it from being stored. */
	record License(SoftwareModel model, List<Unstorable> unstorable) {

		/** This license with Salesforce's daily metric, if it is a permission set license the metrics report. */
		License withMetric(Map<String, LicenseMetrics.Metric> metrics) {
			LicenseMetrics.Metric metric = (this.model.kind() == Kind.PERMISSION_SET_LICENSE
					&& this.model.salesforceId() != null) ? metrics.get(this.model.salesforceId()) : null;
			return (metric != null) ? new License(this.model.withMetric(metric), this.unstorable) : this;
		}

	}

	static License userLicenseRecord(JsonNode record) {
		return checked(record, userLicense(record), "LicenseDefinitionKey", "Name", "Status");
	}

	static License permissionSetLicenseRecord(JsonNode record) {
		return checked(record, permissionSetLicense(record), "DeveloperName", "MasterLabel", "Status");
	}

	static License packageLicenseRecord(JsonNode record) {
		return checked(record, packageLicense(record), "NamespacePrefix", "Status");
	}

	/** A license's model with what keeps its record from being stored: the named fields beyond their limits. */
	private static License checked(JsonNode record, SoftwareModel model, String... fields) {
		List<Unstorable> problems = new ArrayList<>();
		for (String field : fields) {
			LIMITS.text(record, field, problems::add);
		}
		return new License(model, List.copyOf(problems));
	}

	/** A model per feature whose flag is readable, and per other feature type the metric reports. */
	private List<SoftwareModel> featureModels() {
		Map<String, LicenseMetrics.Metric> metrics = new LinkedHashMap<>(
				this.featureMetrics ? LicenseMetrics.features(this.client) : Map.of());
		List<SoftwareModel> models = new ArrayList<>();
		for (FeatureLicenses.Feature feature : this.features) {
			LicenseMetrics.Metric metric = metrics.remove(feature.key());
			models.add((metric != null) ? feature.model().withMetric(metric) : feature.model());
		}
		metrics.forEach((type, metric) -> {
			FeatureLicenses.Feature feature = FeatureLicenses.ofType(type);
			logger.warn("Profile {}: Salesforce reports {} assigned {} licenses, but the integration user cannot read"
					+ " the User field {} (missing, or hidden by field-level security): their holders are not counted",
					this.run.profile(), metric.assigned(), feature.label(), feature.field());
			models.add(feature.model().withMetric(metric));
		});
		return models;
	}

	/**
	 * The user licenses with their monthly login figures, or without them where the org hides those fields (no Digital
	 * Experiences): one query in every org that has them, a second only in one that has not.
	 */
	private List<License> userLicenses() {
		try {
			return this.client.query(USER_LICENSES_WITH_LOGINS).map(LicenseDownload::userLicenseRecord).toList();
		}
		catch (SalesforceApiException ex) {
			if (!ex.is("INVALID_FIELD") || !String.valueOf(ex.getMessage()).contains("MonthlyLogins")) {
				throw ex;
			}
			logger.info("Profile {}: no login-based licenses: this org does not show UserLicense.MonthlyLogins*"
					+ " (Digital Experiences is not enabled)", this.run.profile());
			return this.client.query(USER_LICENSES).map(LicenseDownload::userLicenseRecord).toList();
		}
	}

	static SoftwareModel userLicense(JsonNode record) {
		String key = required(record, "LicenseDefinitionKey");
		Integer entitlement = integer(record, "MonthlyLoginsEntitlement");
		return new SoftwareModel(Kind.USER_LICENSE.identifier(key), Kind.USER_LICENSE, SalesforceRecords.text(record, "Id"),
				required(record, "Name"), SalesforceRecords.text(record, "Status"),
				integer(record, "TotalLicenses"), integer(record, "UsedLicenses"), false, entitlement,
				(entitlement != null) ? integer(record, "MonthlyLoginsUsed") : null);
	}

	static SoftwareModel permissionSetLicense(JsonNode record) {
		String key = required(record, "DeveloperName");
		return new SoftwareModel(Kind.PERMISSION_SET_LICENSE.identifier(key), Kind.PERMISSION_SET_LICENSE,
				SalesforceRecords.text(record, "Id"), required(record, "MasterLabel"),
				SalesforceRecords.text(record, "Status"), integer(record, "TotalLicenses"),
				integer(record, "UsedLicenses"), false);
	}

	/** A managed package's seats; {@code AllowedLicenses = -1} is a site license, recorded as no total. */
	static SoftwareModel packageLicense(JsonNode record) {
		String namespace = required(record, "NamespacePrefix");
		Integer allowed = integer(record, "AllowedLicenses");
		return new SoftwareModel(Kind.PACKAGE_LICENSE.identifier(namespace), Kind.PACKAGE_LICENSE,
				SalesforceRecords.text(record, "Id"), namespace, SalesforceRecords.text(record, "Status"),
				(allowed != null && allowed < 0) ? null : allowed, integer(record, "UsedLicenses"), false);
	}

	/** A field the model's identifier or label is made of: Salesforce fills it on every license record. */
	private static String required(JsonNode record, String field) {
		return Objects.requireNonNull(SalesforceRecords.text(record, field),
				() -> "Salesforce sent a license record without " + field);
	}

	private static @Nullable Integer integer(JsonNode record, String field) {
		Long value = SalesforceRecords.number(record, field);
		return (value != null) ? Math.toIntExact(value) : null;
	}

}
