package dev.seatkeeper.sandbox;

import static dev.seatkeeper.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import dev.seatkeeper.sandbox.org.OrgRecord;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SandboxWriteTests {

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
	void deactivatingAUserFreesASeatOfItsLicense() {
		Row user = activeUser("SFDC");
		int before = usedLicenses("SFDC");
		HttpResponse<String> response = this.http.patch(SandboxHttp.V + "/sobjects/User/" + user.id(), "{\"IsActive\":false}");
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(usedLicenses("SFDC")).isEqualTo(before - 1);
		assertThat(this.sandbox.facts().activeUsersByLicense().get("SFDC")).isEqualTo(before - 1);
		JsonNode record = json(this.http.get(SandboxHttp.V + "/sobjects/User/" + user.id() + "?fields=Id,IsActive"));
		assertThat(record.path("IsActive").asBoolean()).isFalse();
	}

	/**
	 * Salesforce knowledge article 000394412: deactivation releases the CPQ, Billing and Advanced Approvals
	 * permission set licenses; other permission set licenses and managed package seats keep counting until removed.
	 */
	@Test
	void deactivatingAUserReleasesOnlyTheLicensesSalesforceReleases() {
		Row user = this.sandbox.org().table(OrgTypes.USER).rows().stream()
			.filter((u) -> Boolean.TRUE.equals(u.fieldValue("IsActive"))
					&& !this.sandbox.facts().protectedUserIds().contains(u.id())
					&& holds(u, OrgTypes.PERMISSION_SET_LICENSE_ASSIGN, "Assignee", "PermissionSetLicense.DeveloperName",
							"SalesforceCPQ_CPQStandardPerm")
					&& holds(u, OrgTypes.PERMISSION_SET_LICENSE_ASSIGN, "Assignee", "PermissionSetLicense.DeveloperName",
							"SalesConsoleUser")
					&& holds(u, OrgTypes.USER_PACKAGE_LICENSE, "User", "PackageLicense.NamespacePrefix", "SBQQ"))
			.findFirst()
			.orElseThrow();
		assertThat(this.sandbox.facts().usedByModel()).as("a fresh org's used counts are its data's")
			.containsEntry("PermissionSetLicense:SalesforceCPQ_CPQStandardPerm", used("PermissionSetLicense", "DeveloperName", "SalesforceCPQ_CPQStandardPerm"))
			.containsEntry("PermissionSetLicense:SalesConsoleUser", used("PermissionSetLicense", "DeveloperName", "SalesConsoleUser"))
			.containsEntry("PackageLicense:SBQQ", used("PackageLicense", "NamespacePrefix", "SBQQ"))
			.containsEntry("UserLicense:SFDC", usedLicenses("SFDC"));
		int cpq = used("PermissionSetLicense", "DeveloperName", "SalesforceCPQ_CPQStandardPerm");
		int console = used("PermissionSetLicense", "DeveloperName", "SalesConsoleUser");
		int sbqq = used("PackageLicense", "NamespacePrefix", "SBQQ");

		assertThat(this.http.patch(SandboxHttp.V + "/sobjects/User/" + user.id(), "{\"IsActive\":false}").statusCode())
			.isEqualTo(204);

		assertThat(used("PermissionSetLicense", "DeveloperName", "SalesforceCPQ_CPQStandardPerm")).isEqualTo(cpq - 1);
		assertThat(used("PermissionSetLicense", "DeveloperName", "SalesConsoleUser")).isEqualTo(console);
		assertThat(used("PackageLicense", "NamespacePrefix", "SBQQ")).isEqualTo(sbqq);
		assertThat(this.sandbox.facts().usedByModel())
			.containsEntry("PermissionSetLicense:SalesforceCPQ_CPQStandardPerm", cpq - 1)
			.containsEntry("PermissionSetLicense:SalesConsoleUser", console)
			.containsEntry("PackageLicense:SBQQ", sbqq);
	}

	private boolean holds(Row user, dev.seatkeeper.sandbox.org.ObjectType type, String userField, String namePath,
			String name) {
		return this.sandbox.org().table(type).rows().stream()
			.anyMatch((a) -> !a.isDeleted() && user.id().equals(a.fieldValue(userField + "Id"))
					&& name.equals(a.value(namePath)));
	}

	private int used(String object, String nameField, String name) {
		JsonNode page = json(this.http.query("SELECT UsedLicenses FROM " + object + " WHERE " + nameField + " = '" + name + "'"));
		return page.path("records").get(0).path("UsedLicenses").asInt();
	}

	@Test
	void reactivatingWithoutAFreeSeatIsRefused() {
		Row platformUser = activeUser("AUL");
		assertThat(this.http.patch(SandboxHttp.V + "/sobjects/User/" + platformUser.id(), "{\"IsActive\":false}").statusCode())
			.isEqualTo(204);
		Row other = this.sandbox.org().table(OrgTypes.USER).rows().stream()
			.filter((u) -> "AUL".equals(u.value("Profile.UserLicense.LicenseDefinitionKey")) && !Boolean.TRUE.equals(u.fieldValue("IsActive")) && u != platformUser)
			.findFirst().orElseThrow();
		assertThat(this.http.patch(SandboxHttp.V + "/sobjects/User/" + platformUser.id(), "{\"IsActive\":true}").statusCode())
			.isEqualTo(204);
		HttpResponse<String> refused = this.http.patch(SandboxHttp.V + "/sobjects/User/" + other.id(), "{\"IsActive\":true}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json(refused).get(0).path("errorCode").asString()).isEqualTo("LICENSE_LIMIT_EXCEEDED");
	}

	/**
	 * A new ProfileId of another user license: between Salesforce and Salesforce Platform the seat moves with the user
	 * (and the assignment of the profile's own permission set follows); refused per record when the user holds a
	 * permission or feature license the target license does not allow, when the licenses are not both full internal
	 * ones (help article 000386999), or when the target license has no seat free.
	 */
	@Test
	void aProfileOfAnotherLicenseMovesTheSeatOrIsRefusedPerRecordWithSalesforcesMessage() {
		Row platformUser = activeUser("AUL");
		assertThat(this.http.patch(SandboxHttp.V + "/sobjects/User/" + platformUser.id(), "{\"IsActive\":false}")
			.statusCode()).isEqualTo(204);
		List<Row> plain = this.sandbox.org().table(OrgTypes.USER).rows().stream()
			.filter((u) -> "SFDC".equals(u.value("Profile.UserLicense.LicenseDefinitionKey"))
					&& Boolean.TRUE.equals(u.fieldValue("IsActive"))
					&& !this.sandbox.org().protectedUsers().containsKey(u.id())
					&& !Boolean.TRUE.equals(u.fieldValue("UserPermissionsSupportUser"))
					&& !Boolean.TRUE.equals(u.fieldValue("UserPermissionsMarketingUser")))
			.limit(4)
			.toList();
		Row serviceAgent = this.sandbox.org().table(OrgTypes.USER).rows().stream()
			.filter((u) -> Boolean.TRUE.equals(u.fieldValue("IsActive"))
					&& Boolean.TRUE.equals(u.fieldValue("UserPermissionsSupportUser")))
			.findFirst().orElseThrow();
		this.sandbox.org().holdLicensedPermission(plain.get(1).id(), "Convert Leads");
		String platform = profile("Standard Platform User");
		int sfdc = usedLicenses("SFDC");
		int aul = usedLicenses("AUL");
		String body = "{\"allOrNone\":false,\"records\":["
				+ profileChange(plain.get(0), platform) + "," + profileChange(plain.get(1), platform) + ","
				+ profileChange(serviceAgent, platform) + "," + profileChange(plain.get(2), profile("Chatter Free User"))
				+ "]}";

		JsonNode results = json(this.http.patch(SandboxHttp.V + "/composite/sobjects", body));

		assertThat(results.get(0).path("success").asBoolean()).isTrue();
		assertThat(error(results.get(1))).isEqualTo(
				"FIELD_INTEGRITY_EXCEPTION The user license doesn't allow the permission: Convert Leads [\"ProfileId\"]");
		assertThat(error(results.get(2))).isEqualTo(
				"FIELD_INTEGRITY_EXCEPTION The user license doesn't allow the permission: Service Cloud User [\"ProfileId\"]");
		assertThat(error(results.get(3))).isEqualTo(
				"FIELD_INTEGRITY_EXCEPTION You can only reassign this user to a profile of the current license. [\"ProfileId\"]");
		assertThat(usedLicenses("SFDC")).isEqualTo(sfdc - 1);
		assertThat(usedLicenses("AUL")).isEqualTo(aul + 1);
		assertThat(this.sandbox.facts().activeUsersByLicense()).containsEntry("SFDC", sfdc - 1)
			.containsEntry("AUL", aul + 1);
		JsonNode moved = json(this.http.query("SELECT Id, ProfileId, Profile.UserLicense.LicenseDefinitionKey FROM User"
				+ " WHERE Id = '" + plain.get(0).id() + "'")).path("records").get(0);
		assertThat(moved.path("Profile").path("UserLicense").path("LicenseDefinitionKey").asString()).isEqualTo("AUL");
		assertThat(this.sandbox.org().table(OrgTypes.PERMISSION_SET_ASSIGNMENT).rows().stream()
			.filter((a) -> plain.get(0).id().equals(a.fieldValue("AssigneeId"))
					&& Boolean.TRUE.equals(a.value("PermissionSet.IsOwnedByProfile")))
			.map((a) -> a.value("PermissionSet.ProfileId")))
			.as("the profile's own permission set follows the profile").containsExactly(platform);
		assertThat(plain.get(1).fieldValue("ProfileId")).isNotEqualTo(platform);

		assertThat(this.http.patch(SandboxHttp.V + "/sobjects/User/" + plain.get(0).id(), "{\"IsActive\":false}")
			.statusCode()).as("one Platform seat free again").isEqualTo(204);
		JsonNode lastSeat = json(this.http.patch(SandboxHttp.V + "/composite/sobjects", "{\"allOrNone\":false,"
				+ "\"records\":[" + profileChange(plain.get(2), platform) + "," + profileChange(plain.get(3), platform)
				+ "]}"));
		assertThat(lastSeat.get(0).path("success").asBoolean()).isTrue();
		assertThat(error(lastSeat.get(1))).as("the seat the record before took")
			.isEqualTo("LICENSE_LIMIT_EXCEEDED License Limit Exceeded []");
	}

	private String profile(String name) {
		return this.sandbox.org().table(OrgTypes.PROFILE).rows().stream()
			.filter((p) -> name.equals(p.fieldValue("Name"))).map(Row::id).findFirst().orElseThrow();
	}

	private static String profileChange(Row user, String profileId) {
		return "{\"attributes\":{\"type\":\"User\"},\"id\":\"" + user.id() + "\",\"ProfileId\":\"" + profileId + "\"}";
	}

	private static String error(JsonNode result) {
		JsonNode error = result.path("errors").get(0);
		return error.path("statusCode").asString() + " " + error.path("message").asString() + " "
				+ error.path("fields");
	}

	@Test
	void freezingFreesNothing() {
		Row user = activeUser("SFDC");
		Row login = this.sandbox.org().table(OrgTypes.USER_LOGIN).rows().stream()
			.filter((l) -> user.id().equals(l.fieldValue("UserId"))).findFirst().orElseThrow();
		int before = usedLicenses("SFDC");
		assertThat(this.http.patch(SandboxHttp.V + "/sobjects/UserLogin/" + login.id(), "{\"IsFrozen\":true}").statusCode())
			.isEqualTo(204);
		assertThat(login.fieldValue("IsFrozen")).isEqualTo(true);
		assertThat(usedLicenses("SFDC")).isEqualTo(before);
	}

	@Test
	void compositeUpdateReportsPerRecordInRequestOrder() {
		Row user = activeUser("SFDC");
		String workflowUser = this.sandbox.org().table(OrgTypes.USER).record(0).id();
		String body = "{\"allOrNone\":false,\"records\":["
				+ "{\"attributes\":{\"type\":\"User\"},\"id\":\"" + workflowUser + "\",\"IsActive\":false},"
				+ "{\"attributes\":{\"type\":\"User\"},\"id\":\"" + user.id() + "\",\"IsActive\":false},"
				+ "{\"attributes\":{\"type\":\"User\"},\"id\":\"" + user.id() + "\",\"Username\":\"x@y.z\"},"
				+ "{\"attributes\":{\"type\":\"User\"},\"id\":\"005000000000000AAA\",\"IsActive\":false}]}";
		JsonNode results = json(this.http.patch(SandboxHttp.V + "/composite/sobjects", body));
		assertThat(results).hasSize(4);
		assertThat(results.get(0).has("id")).isFalse();
		assertThat(results.get(0).path("success").asBoolean()).isFalse();
		assertThat(results.get(0).path("errors").get(0).path("statusCode").asString()).isEqualTo("FIELD_INTEGRITY_EXCEPTION");
		assertThat(results.get(0).path("errors").get(0).path("fields").get(0).asString()).isEqualTo("IsActive");
		assertThat(results.get(1).path("id").asString()).isEqualTo(user.id());
		assertThat(results.get(1).path("success").asBoolean()).isTrue();
		assertThat(results.get(1).path("errors")).isEmpty();
		assertThat(results.get(2).path("errors").get(0).path("statusCode").asString()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
		assertThat(results.get(3).path("success").asBoolean()).isFalse();
	}

	@Test
	void allOrNoneRollsEverythingBackWhenOneRecordFails() {
		Row user = activeUser("SFDC");
		String workflowUser = this.sandbox.org().table(OrgTypes.USER).record(0).id();
		String body = "{\"allOrNone\":true,\"records\":["
				+ "{\"attributes\":{\"type\":\"User\"},\"id\":\"" + user.id() + "\",\"IsActive\":false},"
				+ "{\"attributes\":{\"type\":\"User\"},\"id\":\"" + workflowUser + "\",\"IsActive\":false}]}";
		JsonNode results = json(this.http.patch(SandboxHttp.V + "/composite/sobjects", body));
		assertThat(results.get(0).path("errors").get(0).path("statusCode").asString())
			.isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
		assertThat(user.fieldValue("IsActive")).isEqualTo(true);
	}

	@Test
	void deletingAssignmentsFreesPermissionSetAndPackageSeats() {
		List<Row> assignments = this.sandbox.org().table(OrgTypes.PERMISSION_SET_LICENSE_ASSIGN).rows().stream()
			.filter((a) -> !a.isDeleted() && !SandboxPermissionSetTests.hasDependents(this.sandbox, a)).limit(2).toList();
		Row psl = (Row) assignments.get(0).related("PermissionSetLicense");
		int before = (int) psl.fieldValue("UsedLicenses");
		Row packageSeat = this.sandbox.org().table(OrgTypes.USER_PACKAGE_LICENSE).rows().stream()
			.filter((a) -> !a.isDeleted()).findFirst().orElseThrow();
		OrgRecord pkg = packageSeat.related("PackageLicense");
		int packageBefore = (int) pkg.value("UsedLicenses");
		String ids = assignments.stream().map(Row::id).collect(Collectors.joining(",")) + "," + packageSeat.id()
				+ "," + this.sandbox.org().integrationUserId();
		JsonNode results = json(this.http.delete(SandboxHttp.V + "/composite/sobjects?ids=" + ids + "&allOrNone=false"));
		assertThat(results).hasSize(4);
		assertThat(results.get(0).path("success").asBoolean()).isTrue();
		assertThat(results.get(2).path("id").asString()).isEqualTo(packageSeat.id());
		assertThat(results.get(3).path("errors").get(0).path("statusCode").asString()).isEqualTo("INSUFFICIENT_ACCESS_OR_READONLY");
		long freed = assignments.stream().filter((a) -> a.related("PermissionSetLicense") == psl).count();
		assertThat(psl.fieldValue("UsedLicenses")).isEqualTo(before - (int) freed);
		assertThat(pkg.value("UsedLicenses")).isEqualTo(packageBefore - 1);
		assertThat(json(this.http.query("SELECT COUNT() FROM PermissionSetLicenseAssign WHERE Id = '" + assignments.get(0).id() + "'"))
			.path("totalSize").asInt()).isZero();
		HttpResponse<String> again = this.http.delete(SandboxHttp.V + "/sobjects/PermissionSetLicenseAssign/" + assignments.get(0).id());
		assertThat(again.statusCode()).isEqualTo(404);
	}

	@Test
	void singleRecordErrorsAndLimits() {
		String workflowUser = this.sandbox.org().table(OrgTypes.USER).record(0).id();
		HttpResponse<String> protectedUser = this.http.patch(SandboxHttp.V + "/sobjects/User/" + workflowUser, "{\"IsActive\":false}");
		assertThat(protectedUser.statusCode()).isEqualTo(400);
		assertThat(json(protectedUser).get(0).path("errorCode").asString()).isEqualTo("FIELD_INTEGRITY_EXCEPTION");
		assertThat(this.http.get(SandboxHttp.V + "/sobjects/User/005000000000000AAA").statusCode()).isEqualTo(404);
		assertThat(this.http.get(SandboxHttp.V + "/sobjects/Nope/005000000000000AAA").statusCode()).isEqualTo(404);
		assertThat(this.http.patch(SandboxHttp.V + "/sobjects/User/" + workflowUser, "{not json").statusCode()).isEqualTo(400);
		StringBuilder many = new StringBuilder("{\"records\":[");
		for (int i = 0; i < 201; i++) {
			many.append(i > 0 ? "," : "").append("{\"attributes\":{\"type\":\"User\"},\"id\":\"").append(workflowUser).append("\"}");
		}
		HttpResponse<String> tooMany = this.http.patch(SandboxHttp.V + "/composite/sobjects", many + "]}");
		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat(json(tooMany).get(0).path("errorCode").asString()).isEqualTo("EXCEEDED_ID_LIMIT");
	}

	@Test
	void getReturnsEveryFieldWithAttributes() {
		Row user = activeUser("SFDC");
		JsonNode record = json(this.http.get(SandboxHttp.V + "/sobjects/User/" + user.id()));
		assertThat(record.path("attributes").path("type").asString()).isEqualTo("User");
		assertThat(record.path("Username").asString()).isEqualTo(user.fieldValue("Username"));
		assertThat(record.has("UserPermissionsSupportUser")).isTrue();
		assertThat(json(this.http.get(SandboxHttp.V + "/sobjects/User/describe")).path("fields").size())
			.isEqualTo(OrgTypes.USER.fields().size());
		assertThat(json(this.http.get(SandboxHttp.V + "/sobjects/User")).path("objectDescribe").path("keyPrefix").asString())
			.isEqualTo("005");
	}

	@Test
	void newLoginsAppearAfterTheHistoryForIncrementalPulls() {
		Row user = activeUser("SFDC");
		long before = this.sandbox.facts().loginEvents();
		Instant later = NOW.plusSeconds(3600);
		String id = this.sandbox.org().writer().recordLogin(user.id(), later, true, "Application");
		this.sandbox.org().writer().recordLogin(user.id(), later, false, "Application");
		JsonNode page = json(this.http.query("SELECT Id, UserId, Status FROM LoginHistory WHERE LoginTime >= "
				+ later.toString() + " ORDER BY LoginTime, Id"));
		assertThat(page.path("totalSize").asInt()).isEqualTo(2);
		assertThat(page.path("records").get(0).path("Id").asString()).isEqualTo(id);
		assertThat(page.path("records").get(1).path("Status").asString()).isEqualTo("Invalid Password");
		assertThat(user.fieldValue("LastLoginDate")).isEqualTo(later);
		assertThat(this.sandbox.facts().loginEvents()).isEqualTo(before + 2);
		// A late login: a LoginTime before the latest event, the newest Id, found by its time as Salesforce would.
		String late = this.sandbox.org().writer().recordLogin(user.id(), later.minusSeconds(1), true, "Application");
		JsonNode around = json(this.http.query("SELECT Id FROM LoginHistory WHERE LoginTime >= "
				+ later.minusSeconds(1) + " ORDER BY LoginTime, Id"));
		assertThat(around.path("records").get(0).path("Id").asString()).isEqualTo(late).isGreaterThan(id);
		assertThat(around.path("totalSize").asInt()).isEqualTo(3);
		HttpResponse<String> viaAdmin = this.http.post("/__sandbox/logins", "{\"username\":\""
				+ user.fieldValue("Username").toString().replace("\"", "") + "\",\"time\":\"" + later.plusSeconds(60)
				+ "\",\"loginType\":\"SAML Idp Initiated SSO\"}");
		assertThat(viaAdmin.statusCode()).isEqualTo(201);
		assertThat(json(viaAdmin).path("id").asString()).startsWith("0Ya").isGreaterThan(id);
		assertThat(this.http.post("/__sandbox/logins", "{\"username\":\"nobody\"}").statusCode()).isEqualTo(400);
	}

	private Row activeUser(String licenseKey) {
		return this.sandbox.org().table(OrgTypes.USER).rows().stream()
			.filter((u) -> licenseKey.equals(u.value("Profile.UserLicense.LicenseDefinitionKey")))
			.filter((u) -> Boolean.TRUE.equals(u.fieldValue("IsActive")))
			.filter((u) -> !this.sandbox.org().protectedUsers().containsKey(u.id()))
			.findFirst()
			.orElseThrow();
	}

	private int usedLicenses(String key) {
		JsonNode page = json(this.http.query("SELECT UsedLicenses FROM UserLicense WHERE LicenseDefinitionKey = '" + key + "'"));
		return page.path("records").get(0).path("UsedLicenses").asInt();
	}

}
