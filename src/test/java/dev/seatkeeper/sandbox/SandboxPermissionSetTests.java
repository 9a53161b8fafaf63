package dev.seatkeeper.sandbox;

import static dev.seatkeeper.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.seatkeeper.sandbox.org.ObjectType;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.sandbox.org.WriteJournal;
import dev.seatkeeper.testsupport.LicenseDependents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Permission sets as Salesforce has them: queryable with their license, assigned only to holders of that license,
 * and keeping the license in place — deleting a permission set license assignment is refused per record while the
 * user holds a permission set that requires it. Freezing a user stops their logins.
 */
class SandboxPermissionSetTests {

	static final Instant NOW = Instant.parse("2026-11-25T14:03:07Z");

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
	void permissionSetsAndAssignmentsAnswerSoqlWithTheirRelationships() {
		JsonNode sets = json(this.http.query(
				"SELECT Id, Name, Label, LicenseId, License.DeveloperName, IsOwnedByProfile FROM PermissionSet"
						+ " WHERE IsOwnedByProfile = false ORDER BY Name"));
		assertThat(sets.path("totalSize").asInt()).as("8 permission sets and the aggregate sets of Retention_Team and Console_Team").isEqualTo(10);
		JsonNode first = sets.path("records").get(0);
		assertThat(first.path("Name").asString()).as("ordered without case, as Salesforce does")
			.isEqualTo("Analytics_Plus_Viewer");
		assertThat(first.path("IsOwnedByProfile").asBoolean(true)).isFalse();
		assertThat(sets.path("records").get(1).path("Name").asString()).isEqualTo("API_Enabled");
		assertThat(sets.path("records").get(1).path("LicenseId").isNull()).isTrue();
		assertThat(sets.path("records").get(1).path("License").isNull()).isTrue();
		JsonNode licensed = json(this.http.query(
				"SELECT Name, License.DeveloperName FROM PermissionSet WHERE Name = 'Sales_Console_Access'"))
			.path("records").get(0);
		assertThat(licensed.path("License").path("DeveloperName").asString()).isEqualTo("SalesConsoleUser");

		JsonNode keepers = json(this.http.query(
				"SELECT AssigneeId, PermissionSet.Name FROM PermissionSetAssignment WHERE PermissionSet.Name IN ('Keep_License')"));
		long expected = this.sandbox.org().table(OrgTypes.PERMISSION_SET_ASSIGNMENT).rows().stream()
			.filter(a -> "Keep_License".equals(a.value("PermissionSet.Name")))
			.count();
		assertThat(keepers.path("totalSize").asInt()).isEqualTo((int) expected).isPositive();
		assertThat(keepers.path("records").get(0).path("PermissionSet").path("Name").asString()).isEqualTo("Keep_License");
	}

	@Test
	void licensedPermissionSetsGoOnlyToHoldersOfTheirLicense() {
		Map<String, Set<Object>> held = new HashMap<>();
		this.sandbox.org().table(OrgTypes.PERMISSION_SET_LICENSE_ASSIGN).rows().stream().filter(a -> !a.isDeleted())
			.forEach(a -> held.computeIfAbsent((String) a.fieldValue("AssigneeId"), k -> new HashSet<>())
				.add(a.fieldValue("PermissionSetLicenseId")));
		List<Row> licensed = this.sandbox.org().table(OrgTypes.PERMISSION_SET_ASSIGNMENT).rows().stream()
			.filter(a -> a.value("PermissionSet.LicenseId") != null)
			.toList();
		assertThat(licensed).isNotEmpty().allSatisfy(a -> assertThat(held.get((String) a.fieldValue("AssigneeId")))
			.contains(a.value("PermissionSet.LicenseId")));
	}

	@Test
	void theSameSeedGivesTheSamePermissionSetAssignmentsAndTheLicenseCountsOfBefore() {
		Sandbox twin = Sandbox.builder().users(400).now(NOW).build();
		assertThat(ids(twin, OrgTypes.PERMISSION_SET_ASSIGNMENT)).isEqualTo(ids(this.sandbox, OrgTypes.PERMISSION_SET_ASSIGNMENT));
		assertThat(assignees(twin)).isEqualTo(assignees(this.sandbox));
		assertThat(twin.facts()).isEqualTo(this.sandbox.facts());
	}

	@Test
	void removingALicenseThatAPermissionSetOfTheUserRequiresIsRefusedPerRecord() {
		Row blocked = liveAssignment(true);
		Row free = liveAssignment(false);
		Row psl = (Row) blocked.related("PermissionSetLicense");
		int usedBefore = (int) psl.fieldValue("UsedLicenses");
		this.sandbox.org().writer().journal().clear();

		JsonNode results = json(this.http.delete(SandboxHttp.V + "/composite/sobjects?ids=" + blocked.id() + ","
				+ free.id() + "&allOrNone=false"));

		assertThat(results.get(0).path("success").asBoolean()).isFalse();
		assertThat(results.get(0).has("id")).isFalse();
		assertThat(results.get(0).path("errors").get(0).path("statusCode").asString()).isEqualTo("DELETE_FAILED");
		assertThat(results.get(0).path("errors").get(0).path("message").asString()).contains("permission sets that require it");
		assertThat(results.get(1).path("success").asBoolean()).isTrue();
		assertThat(blocked.isDeleted()).isFalse();
		assertThat(free.isDeleted()).isTrue();
		int freed = (free.related("PermissionSetLicense") == psl) ? 1 : 0;
		assertThat(psl.fieldValue("UsedLicenses")).isEqualTo(usedBefore - freed);
		assertThat(this.sandbox.org().writer().journal().entries()).extracting(WriteJournal.Entry::id, WriteJournal.Entry::saved)
			.containsExactly(tuple(blocked.id(), false),
					tuple(free.id(), true));
	}

	@Test
	void aFrozenUserCannotLogIn() {
		Row user = this.sandbox.org().table(OrgTypes.USER).rows().stream()
			.filter(u -> Boolean.TRUE.equals(u.fieldValue("IsActive")))
			.filter(u -> !this.sandbox.org().protectedUsers().containsKey(u.id()))
			.filter(u -> !frozen(login(u)))
			.findFirst().orElseThrow();
		Map<String, String> form = Map.of("grant_type", "password", "client_id", "seatkeeper-sandbox", "client_secret",
				"sandbox-secret", "username", (String) user.fieldValue("Username"), "password", "sandbox");
		assertThat(this.http.form("/services/oauth2/token", form).statusCode()).isEqualTo(200);

		assertThat(this.http.patch(SandboxHttp.V + "/sobjects/UserLogin/" + login(user).id(), "{\"IsFrozen\":true}")
			.statusCode()).isEqualTo(204);

		HttpResponse<String> refused = this.http.form("/services/oauth2/token", form);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json(refused).path("error").asString()).isEqualTo("invalid_grant");
	}

	/** Whether the assignee holds a permission set requiring the license, directly or through a group. */
	static boolean hasDependents(Sandbox sandbox, Row licenseAssignment) {
		return LicenseDependents.note(sandbox, licenseAssignment) != null;
	}

	private Row liveAssignment(boolean withDependents) {
		return this.sandbox.org().table(OrgTypes.PERMISSION_SET_LICENSE_ASSIGN).rows().stream()
			.filter(a -> !a.isDeleted() && hasDependents(this.sandbox, a) == withDependents)
			.findFirst().orElseThrow();
	}

	private Row login(Row user) {
		return this.sandbox.org().table(OrgTypes.USER_LOGIN).rows().stream()
			.filter(l -> user.id().equals(l.fieldValue("UserId"))).findFirst().orElseThrow();
	}

	private static boolean frozen(Row login) {
		return Boolean.TRUE.equals(login.fieldValue("IsFrozen"));
	}

	private static List<String> ids(Sandbox sandbox, ObjectType type) {
		return sandbox.org().table(type).rows().stream().map(Row::id).toList();
	}

	private static List<String> assignees(Sandbox sandbox) {
		return sandbox.org().table(OrgTypes.PERMISSION_SET_ASSIGNMENT).rows().stream()
			.map(a -> a.fieldValue("AssigneeId") + "/" + a.value("PermissionSet.Name"))
			.collect(Collectors.toList());
	}

}
