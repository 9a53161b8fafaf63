package dev.seatkeeper.sandbox.org;

import java.util.Arrays;
import java.util.Locale;

/**
 * The system permissions that decide what license management may read and change, by their API name (the
 * {@code Permissions...} field of PermissionSet without the prefix) and the label Setup shows.
 */
public enum Permission {

	MANAGE_USERS("ManageUsers", "Manage Users"),

	MONITOR_LOGIN_HISTORY("MonitorLoginHistory", "Monitor Login History"),

	VIEW_SETUP("ViewSetup", "View Setup and Configuration"),

	ASSIGN_PERMISSION_SETS("AssignPermissionSets", "Assign Permission Sets"),

	MANAGE_PACKAGE_LICENSES("ManagePackageLicenses", "Manage Package Licenses");

	private final String apiName;

	private final String label;

	Permission(String apiName, String label) {
		this.apiName = apiName;
		this.label = label;
	}

	public String apiName() {
		return this.apiName;
	}

	public String label() {
		return this.label;
	}

	/** A permission by API name ({@code ManageUsers}) or enum name ({@code MANAGE_USERS}), case-insensitive. */
	public static Permission parse(String name) {
		String wanted = name.trim().replace("_", "").toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter((permission) -> permission.apiName.toLowerCase(Locale.ROOT).equals(wanted))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No permission '" + name + "'; known: "
					+ String.join(", ", Arrays.stream(values()).map(Permission::apiName).toList())));
	}

}
