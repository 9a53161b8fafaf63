package dev.seatkeeper.subscription;

import java.util.ArrayList;
import java.util.List;

import dev.seatkeeper.license.FeatureLicenses;
import dev.seatkeeper.license.SoftwareModel.Kind;
import dev.seatkeeper.salesforce.SalesforceRecords;
import dev.seatkeeper.storage.FieldLimits;
import dev.seatkeeper.storage.Unstorable;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns a User record into a {@link SalesforceUser}. An active user holds its profile's user license and the
 * feature licenses of its permission flags; an inactive user holds none (deactivation frees the seat).
 */
final class UserMapper {

	static final List<String> BASE_FIELDS = List.of("Id", "Username", "Email", "Name", "UserType", "IsActive",
			"LastLoginDate", "CreatedDate", "SystemModstamp", "Profile.Name", "Profile.UserLicense.LicenseDefinitionKey");

	/** Every field, for an org with every feature license flag. */
	static final List<String> FIELDS = fields(FeatureLicenses.ALL);

	private final List<FeatureLicenses.Feature> features;

	/** @param features the feature license flags the org has (an org lacks those of features it does not have) */
	UserMapper(List<FeatureLicenses.Feature> features) {
		this.features = List.copyOf(features);
	}

	/** The fields to select when the org has these feature license flags. */
	static List<String> fields(List<FeatureLicenses.Feature> features) {
		List<String> fields = new ArrayList<>(BASE_FIELDS);
		features.forEach(feature -> fields.add(feature.field()));
		return List.copyOf(fields);
	}

	/** The features of {@link FeatureLicenses#ALL} whose flag is among the given fields; all when not known. */
	static List<FeatureLicenses.Feature> features(@Nullable List<String> availableFields) {
		return (availableFields == null) ? FeatureLicenses.ALL
				: FeatureLicenses.ALL.stream().filter(feature -> availableFields.contains(feature.field())).toList();
	}

	List<String> fields() {
		return fields(this.features);
	}

	static SalesforceUser map(JsonNode record) {
		return new UserMapper(FeatureLicenses.ALL).toUser(record);
	}

	SalesforceUser toUser(JsonNode record) {
		boolean active = SalesforceRecords.bool(record, "IsActive");
		String licenseKey = SalesforceRecords.text(record, "Profile.UserLicense.LicenseDefinitionKey");
		List<String> held = new ArrayList<>();
		if (active) {
			if (licenseKey != null) {
				held.add(Kind.USER_LICENSE.identifier(licenseKey));
			}
			for (FeatureLicenses.Feature feature : this.features) {
				if (SalesforceRecords.bool(record, feature.field())) {
					held.add(feature.identifier());
				}
			}
		}
		// A field that cannot be stored marks the user to be skipped, rather than failing the page and every night.
		FieldLimits limits = UserFieldLimits.USER;
		List<Unstorable> problems = new ArrayList<>();
		String id = limits.text(record, "Id", problems::add);
		String username = limits.text(record, "Username", problems::add);
		FieldLimits.require(username, "Username", problems::add);
		limits.length(licenseKey, "Profile.UserLicense.LicenseDefinitionKey", problems::add);
		return new SalesforceUser((id != null) ? id : "", (username != null) ? username : "",
				limits.text(record, "Email", problems::add), limits.text(record, "Name", problems::add),
				limits.text(record, "UserType", problems::add), limits.text(record, "Profile.Name", problems::add),
				licenseKey, active, FieldLimits.time(record, "LastLoginDate", problems::add),
				FieldLimits.time(record, "CreatedDate", problems::add),
				FieldLimits.time(record, "SystemModstamp", problems::add), List.copyOf(held), List.copyOf(problems));
	}

}
