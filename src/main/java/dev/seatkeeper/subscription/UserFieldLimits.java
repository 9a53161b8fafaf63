package dev.seatkeeper.subscription;

import java.util.Map;

import dev.seatkeeper.storage.FieldLimits;

/**
 * A User record's field lengths from Salesforce's field reference (Name: "Limited to 121 characters"), counted in
 * characters ({@link FieldLimits}). The {@code sf_user} columns are at least as wide.
 */
final class UserFieldLimits {

	static final FieldLimits USER = new FieldLimits(Map.of("Id", 18, "Username", 80, "Email", 128, "Name", 121,
			"UserType", 40, "Profile.Name", 255, "Profile.UserLicense.LicenseDefinitionKey", 64));

	private UserFieldLimits() {
	}

}
