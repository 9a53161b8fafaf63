package dev.seatkeeper.license;

import java.util.ArrayList;
import java.util.List;

import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.job.SalesforceTasklet;
import dev.seatkeeper.license.SoftwareModel.Kind;
import dev.seatkeeper.salesforce.SalesforceApiException;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceRecords;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Downloads the org's license definitions (user, permission set and managed package licenses, a few dozen rows in
 * any org) and the feature license catalogue into software models. One transaction of idempotent upserts, so a
 * restart simply does it again.
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

	private final SalesforceClient client;

	private final JdbcTemplate jdbc;

	private final RunKey run;

	private final List<FeatureLicenses.Feature> features;

	public LicenseDownload(SalesforceClient client, JdbcTemplate jdbc, RunKey run) {
		this(client, jdbc, run, FeatureLicenses.ALL);
	}

	/**
	 * @param features the feature licenses the org has (whose User flag exists); the others are not in this org, so
	 * no model is written for them and an entitlement naming one shows as not in the org
	 */
	public LicenseDownload(SalesforceClient client, JdbcTemplate jdbc, RunKey run, List<FeatureLicenses.Feature> features) {
		this.client = client;
		this.jdbc = jdbc;
		this.run = run;
		this.features = List.copyOf(features);
	}

	@Override
	protected void run(StepContribution contribution, ChunkContext chunkContext) {
		List<SoftwareModel> models = new ArrayList<>();
		userLicenses().forEach(models::add);
		this.client.query(PERMISSION_SET_LICENSES).map(LicenseDownload::permissionSetLicense).forEach(models::add);
		this.client.query(PACKAGE_LICENSES).map(LicenseDownload::packageLicense).forEach(models::add);
		this.features.forEach(feature -> models.add(feature.model()));
		models.forEach(model -> contribution.incrementReadCount());
		SoftwareModelWriter.upsert(this.jdbc, this.run, models);
		contribution.incrementWriteCount(models.size());
		logger.info("Profile {}: {} software models", this.run.profile(), models.size());
	}

	/**
	 * The user licenses with their monthly login figures, or without them where the org hides those fields (no Digital
	 * Experiences): one query in every org that has them, a second only in one that has not.
	 */
	private List<SoftwareModel> userLicenses() {
		try {
			return this.client.query(USER_LICENSES_WITH_LOGINS).map(LicenseDownload::userLicense).toList();
		}
		catch (SalesforceApiException ex) {
			if (!ex.is("INVALID_FIELD") || !String.valueOf(ex.getMessage()).contains("MonthlyLogins")) {
				throw ex;
			}
			logger.info("Profile {}: no login-based licenses: this org does not show UserLicense.MonthlyLogins*"
					+ " (Digital Experiences is not enabled)", this.run.profile());
			return this.client.query(USER_LICENSES).map(LicenseDownload::userLicense).toList();
		}
	}

	static SoftwareModel userLicense(JsonNode record) {
		String key = SalesforceRecords.text(record, "LicenseDefinitionKey");
		Integer entitlement = integer(record, "MonthlyLoginsEntitlement");
		return new SoftwareModel(Kind.USER_LICENSE.identifier(key), Kind.USER_LICENSE, SalesforceRecords.text(record, "Id"),
				SalesforceRecords.text(record, "Name"), SalesforceRecords.text(record, "Status"),
				integer(record, "TotalLicenses"), integer(record, "UsedLicenses"), false, entitlement,
				(entitlement != null) ? integer(record, "MonthlyLoginsUsed") : null);
	}

	static SoftwareModel permissionSetLicense(JsonNode record) {
		String key = SalesforceRecords.text(record, "DeveloperName");
		return new SoftwareModel(Kind.PERMISSION_SET_LICENSE.identifier(key), Kind.PERMISSION_SET_LICENSE,
				SalesforceRecords.text(record, "Id"), SalesforceRecords.text(record, "MasterLabel"),
				SalesforceRecords.text(record, "Status"), integer(record, "TotalLicenses"),
				integer(record, "UsedLicenses"), false);
	}

	/** A managed package's seats; {@code AllowedLicenses = -1} is a site license, recorded as no total. */
	static SoftwareModel packageLicense(JsonNode record) {
		String namespace = SalesforceRecords.text(record, "NamespacePrefix");
		Integer allowed = integer(record, "AllowedLicenses");
		return new SoftwareModel(Kind.PACKAGE_LICENSE.identifier(namespace), Kind.PACKAGE_LICENSE,
				SalesforceRecords.text(record, "Id"), namespace, SalesforceRecords.text(record, "Status"),
				(allowed != null && allowed < 0) ? null : allowed, integer(record, "UsedLicenses"), false);
	}

	private static @Nullable Integer integer(JsonNode record, String field) {
		Long value = SalesforceRecords.number(record, field);
		return (value != null) ? Math.toIntExact(value) : null;
	}

}
