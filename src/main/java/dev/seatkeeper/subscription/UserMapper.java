package dev.seatkeeper.subscription;

import java.util.ArrayList;
import java.util.List;

import dev.seatkeeper.license.FeatureLicenses;
import dev.seatkeeper.license.SoftwareModel.Kind;
import dev.seatkeeper.salesforce.SalesforceRecords;
import tools.jackson.databind.JsonNode;

/**
 * Turns a User record into a {@link SalesforceUser}. An active user holds its profile's user license and the
 * feature licenses of its permission flags; an inactive user holds none (deactivation frees the seat).
 */
final class UserMapper {

	static final List<String> FIELDS = fields();

	private UserMapper() {
	}

	private static List<String> fields() {
		List<String> fields = new ArrayList<>(List.of("Id", "Username", "Email", "Name", "UserType", "IsActive",
				"LastLoginDate", "CreatedDate", "SystemModstamp", "Profile.Name", "Profile.UserLicense.LicenseDefinitionKey"));
		FeatureLicenses.ALL.forEach(feature -> fields.add(feature.field()));
		return List.copyOf(fields);
	}

	static SalesforceUser map(JsonNode record) {
		boolean active = SalesforceRecords.bool(record, "IsActive");
		String licenseKey = SalesforceRecords.text(record, "Profile.UserLicense.LicenseDefinitionKey");
		List<String> held = new ArrayList<>();
		if (active) {
			if (licenseKey != null) {
				held.add(Kind.USER_LICENSE.identifier(licenseKey));
			}
			for (FeatureLicenses.Feature feature : FeatureLicenses.ALL) {
				if (SalesforceRecords.bool(record, feature.field())) {
					held.add(feature.identifier());
				}
			}
		}
		// A field that cannot be stored marks the user to be skipped, rather than failing the page and every night.
		List<Unstorable> problems = new ArrayList<>();
		String username = UserFieldLimits.text(record, "Username", problems::add);
		UserFieldLimits.require(username, "Username", problems);
		UserFieldLimits.text(record, "Profile.UserLicense.LicenseDefinitionKey", problems::add);
		return new SalesforceUser(SalesforceRecords.text(record, "Id"), (username != null) ? username : "",
				UserFieldLimits.text(record, "Email", problems::add), UserFieldLimits.text(record, "Name", problems::add),
				UserFieldLimits.text(record, "UserType", problems::add),
				UserFieldLimits.text(record, "Profile.Name", problems::add), licenseKey, active,
				UserFieldLimits.time(record, "LastLoginDate", problems::add),
				UserFieldLimits.time(record, "CreatedDate", problems::add),
				UserFieldLimits.time(record, "SystemModstamp", problems::add), List.copyOf(held), List.copyOf(problems));
	}

}
