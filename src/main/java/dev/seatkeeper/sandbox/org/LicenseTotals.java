package dev.seatkeeper.sandbox.org;

import java.util.SplittableRandom;

/**
 * Sets what the org owns once use is known: full Salesforce a little over-bought, platform licenses exactly
 * used up (so reactivating a user hits LICENSE_LIMIT_EXCEEDED until one is freed), Chatter Free generous as
 * Salesforce makes it, guest licenses fixed, login-based community licenses a monthly login allowance above this
 * month's use, and some spare permission set and package seats.
 */
final class LicenseTotals {

	private LicenseTotals() {
	}

	static void assign(SandboxOrg org, SplittableRandom random) {
		for (Row license : org.table(OrgTypes.USER_LICENSE).rows()) {
			int used = (int) license.requiredValue("UsedLicenses");
			if (license.fieldValue("MonthlyLoginsUsed") instanceof Integer logins) {
				// Login-based: the allowance a month, half again this month's use so far; Salesforce provisions 20
				// user licenses per monthly login bought.
				int entitled = Math.max(50, logins + logins / 2);
				license.set("MonthlyLoginsEntitlement", entitled);
				license.set("TotalLicenses", Math.max(used, entitled * 20));
				continue;
			}
			int total = switch ((String) license.requiredValue("LicenseDefinitionKey")) {
				case "SFDC" -> used + Math.max(2, used / 10) + random.nextInt(3);
				case "AUL" -> used;
				case "CSN_User" -> Math.max(5000, used);
				case "GUEST" -> 25;
				default -> used + Math.max(5, used / 20);
			};
			license.set("TotalLicenses", total);
		}
		for (Row psl : org.table(OrgTypes.PERMISSION_SET_LICENSE).rows()) {
			int used = (int) psl.requiredValue("UsedLicenses");
			psl.set("TotalLicenses", used + Math.max(1, used / 10));
		}
		for (Row pkg : org.table(OrgTypes.PACKAGE_LICENSE).rows()) {
			int used = (int) pkg.requiredValue("UsedLicenses");
			if (used >= 0) {
				pkg.set("AllowedLicenses", used + 5);
			}
		}
	}

}
