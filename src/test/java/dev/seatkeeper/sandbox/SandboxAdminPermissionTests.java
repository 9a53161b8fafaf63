package dev.seatkeeper.sandbox;

import static dev.seatkeeper.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Administrators as Salesforce models them: a profile's permissions live in a permission set the profile owns
 * ({@code IsOwnedByProfile}, {@code ProfileId}) and every user is assigned their profile's set, so one query over
 * {@code PermissionSetAssignment} by {@code PermissionSet.Permissions*} finds who may modify all data, manage users
 * or customize the application, through a profile or a permission set.
 */
class SandboxAdminPermissionTests {

	static final Instant NOW = Instant.parse("2026-11-25T14:03:07Z");

	static final String ADMINS = "SELECT AssigneeId, PermissionSet.Name, PermissionSet.IsOwnedByProfile,"
			+ " PermissionSet.Profile.Name, PermissionSet.PermissionsModifyAllData FROM PermissionSetAssignment"
			+ " WHERE PermissionSet.PermissionsModifyAllData = true OR PermissionSet.PermissionsManageUsers = true"
			+ " OR PermissionSet.PermissionsCustomizeApplication = true";

	Sandbox sandbox;

	SandboxHttp http;

	@BeforeEach
	void start() {
		this.sandbox = Sandbox.builder().users(400).now(NOW).build().start();
		this.http = new SandboxHttp(this.sandbox).login();
	}

	@AfterEach
	void stop() {
		this.sandbox.close();
	}

	@Test
	void eachProfileOwnsOneSetAndOnlyTheAdministratorsOneGrantsTheAdminPermissions() {
		JsonNode owned = json(this.http.query("SELECT Name, Profile.Name, IsOwnedByProfile, PermissionsModifyAllData,"
				+ " PermissionsManageUsers, PermissionsCustomizeApplication FROM PermissionSet WHERE IsOwnedByProfile = true"));

		assertThat(owned.path("totalSize").asInt()).isEqualTo(this.sandbox.org().table(OrgTypes.PROFILE).size());
		for (JsonNode set : owned.path("records")) {
			boolean admin = "System Administrator".equals(set.path("Profile").path("Name").asString());
			assertThat(set.path("PermissionsModifyAllData").asBoolean(!admin)).isEqualTo(admin);
			assertThat(set.path("PermissionsManageUsers").asBoolean(!admin)).isEqualTo(admin);
			assertThat(set.path("PermissionsCustomizeApplication").asBoolean(!admin)).isEqualTo(admin);
		}
		JsonNode custom = json(this.http.query("SELECT PermissionsModifyAllData FROM PermissionSet WHERE IsOwnedByProfile = false"));
		assertThat(custom.path("totalSize").asInt()).isPositive();
		for (JsonNode set : custom.path("records")) {
			assertThat(set.path("PermissionsModifyAllData").isBoolean()).as("never null, as in Salesforce").isTrue();
			assertThat(set.path("PermissionsModifyAllData").booleanValue()).isFalse();
		}
	}

	@Test
	void oneAssignmentQueryFindsExactlyTheUsersOfTheAdministratorProfile() {
		Set<String> admins = this.sandbox.org().table(OrgTypes.USER).rows().stream()
			.filter(user -> "System Administrator".equals(user.value("Profile.Name")))
			.map(Row::id)
			.collect(Collectors.toCollection(TreeSet::new));

		JsonNode found = json(this.http.query(ADMINS));

		assertThat(admins).as("the generated org has administrators").isNotEmpty();
		Set<String> assignees = new TreeSet<>();
		found.path("records").forEach(assignment -> assignees.add(assignment.path("AssigneeId").asString()));
		assertThat(assignees).isEqualTo(admins);
		assertThat(found.path("records").get(0).path("PermissionSet").path("Profile").path("Name").asString())
			.isEqualTo("System Administrator");
		assertThat(found.path("records").get(0).path("PermissionSet").path("IsOwnedByProfile").asBoolean()).isTrue();
	}

	@Test
	void everyUserIsAssignedTheSetOfTheirProfile() {
		JsonNode assignments = json(this.http.query(
				"SELECT AssigneeId, PermissionSet.ProfileId FROM PermissionSetAssignment WHERE PermissionSet.IsOwnedByProfile = true"));

		assertThat(assignments.path("totalSize").asInt()).isEqualTo(this.sandbox.org().table(OrgTypes.USER).size());
		for (JsonNode assignment : assignments.path("records")) {
			Row user = this.sandbox.org().find(assignment.path("AssigneeId").asString());
			assertThat(assignment.path("PermissionSet").path("ProfileId").asString()).isEqualTo(user.fieldValue("ProfileId"));
		}
	}

	@Test
	void aPermissionFieldTheSandboxDoesNotModelIsAnInvalidField() {
		HttpResponse<String> response = this.http.query("SELECT PermissionsViewEverything FROM PermissionSet");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get(0).path("errorCode").asString()).isEqualTo("INVALID_FIELD");
	}

}
