package dev.seatkeeper.sandbox;

import static dev.seatkeeper.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Permission;
import dev.seatkeeper.sandbox.org.Row;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The run-as user's permission model and hidden fields, answered as Salesforce answers them: an object the user may
 * not read is INVALID_TYPE, a field the org lacks or hides is INVALID_FIELD with Salesforce's multi-line message and
 * absent from describe, a write the user may not make fails per record.
 */
class SandboxAccessTests {

	static final Instant NOW = Instant.parse("2026-11-25T14:03:07Z");

	@Test
	void aHiddenFieldIsAbsentFromDescribeAndSelectingItIsInvalidFieldWithSalesforcesMessage() {
		try (Sandbox sandbox = sandbox(b -> b.hideField("User", "UserPermissionsKnowledgeUser"))) {
			SandboxHttp http = new SandboxHttp(sandbox).login();
			JsonNode describe = json(http.get(SandboxHttp.V + "/sobjects/User/describe"));
			assertThat(names(describe)).contains("Id", "IsActive", "UserPermissionsSupportUser")
				.doesNotContain("UserPermissionsKnowledgeUser");
			JsonNode isActive = field(describe, "IsActive");
			assertThat(isActive.path("type").asString()).isEqualTo("boolean");
			assertThat(field(describe, "Id").path("type").asString()).isEqualTo("id");
			assertThat(field(describe, "LastLoginDate").path("type").asString()).isEqualTo("datetime");

			HttpResponse<String> refused = http.query("SELECT Id, UserPermissionsKnowledgeUser FROM User");

			assertThat(refused.statusCode()).isEqualTo(400);
			JsonNode error = json(refused).get(0);
			assertThat(error.path("errorCode").asString()).isEqualTo("INVALID_FIELD");
			assertThat(error.path("message").asString()).isEqualTo("""

					SELECT Id, UserPermissionsKnowledgeUser FROM User
					           ^
					ERROR at Row:1:Column:12
					No such column 'UserPermissionsKnowledgeUser' on entity 'User'. If you are attempting to use a \
					custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL \
					or the describe call for the appropriate names.""");
			assertThat(http.query("SELECT Id, UserPermissionsSupportUser FROM User LIMIT 1").statusCode()).isEqualTo(200);
			Row user = sandbox.org().table(OrgTypes.USER).record(2);
			assertThat(http.get(SandboxHttp.V + "/sobjects/User/" + user.id() + "?fields=UserPermissionsKnowledgeUser")
				.statusCode()).isEqualTo(400);
			assertThat(json(http.get(SandboxHttp.V + "/sobjects/User/" + user.id())).has("UserPermissionsKnowledgeUser"))
				.isFalse();
		}
	}

	@Test
	void loginHistoryNeedsManageUsersOrMonitorLoginHistory() {
		try (Sandbox monitorOnly = sandbox(b -> b.withhold(Permission.MANAGE_USERS))) {
			SandboxHttp http = new SandboxHttp(monitorOnly).login();
			assertThat(http.query("SELECT Id, UserId, LoginTime FROM LoginHistory LIMIT 1").statusCode()).isEqualTo(200);
			HttpResponse<String> userLogin = http.query("SELECT Id, IsFrozen FROM UserLogin LIMIT 1");
			assertThat(json(userLogin).get(0).path("errorCode").asString()).isEqualTo("INVALID_TYPE");
		}
		try (Sandbox neither = sandbox(b -> b.withhold(Permission.MANAGE_USERS, Permission.MONITOR_LOGIN_HISTORY))) {
			SandboxHttp http = new SandboxHttp(neither).login();

			HttpResponse<String> refused = http.query("SELECT Id FROM LoginHistory LIMIT 1");

			assertThat(refused.statusCode()).isEqualTo(400);
			JsonNode error = json(refused).get(0);
			assertThat(error.path("errorCode").asString()).isEqualTo("INVALID_TYPE");
			assertThat(error.path("message").asString()).contains("ERROR at Row:1:Column:16",
					"sObject type 'LoginHistory' is not supported. If you are attempting to use a custom object, be "
							+ "sure to append the '__c' after the entity name.");
			assertThat(http.get(SandboxHttp.V + "/sobjects/LoginHistory/describe").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void setupObjectsNeedViewSetupAndVanishFromTheGlobalDescribe() {
		try (Sandbox sandbox = sandbox(b -> b.withhold(Permission.VIEW_SETUP))) {
			SandboxHttp http = new SandboxHttp(sandbox).login();
			for (String object : List.of("UserLicense", "PermissionSetLicense", "PackageLicense")) {
				HttpResponse<String> refused = http.query("SELECT Id FROM " + object + " LIMIT 1");
				assertThat(json(refused).get(0).path("errorCode").asString()).as(object).isEqualTo("INVALID_TYPE");
			}
			// Assign Permission Sets still grants the assignments.
			assertThat(http.query("SELECT Id FROM PermissionSetLicenseAssign LIMIT 1").statusCode()).isEqualTo(200);
			List<String> listed = new ArrayList<>();
			json(http.get(SandboxHttp.V + "/sobjects")).path("sobjects").forEach(o -> listed.add(o.path("name").asString()));
			assertThat(listed).contains("User", "LoginHistory").doesNotContain("UserLicense", "PackageLicense");
		}
	}

	@Test
	void writesTheUserMayNotMakeFailPerRecordAndChangeNothing() {
		try (Sandbox sandbox = sandbox(b -> b.withhold(Permission.MANAGE_PACKAGE_LICENSES, Permission.MANAGE_USERS))) {
			SandboxHttp http = new SandboxHttp(sandbox).login();
			Row seat = sandbox.org().table(OrgTypes.USER_PACKAGE_LICENSE).rows().stream().filter(r -> !r.isDeleted())
				.findFirst().orElseThrow();
			JsonNode deleted = json(http.delete(SandboxHttp.V + "/composite/sobjects?ids=" + seat.id() + "&allOrNone=false"));
			assertThat(deleted.get(0).path("success").asBoolean()).isFalse();
			assertThat(deleted.get(0).has("id")).isFalse();
			assertThat(deleted.get(0).path("errors").get(0).path("statusCode").asString())
				.isEqualTo("INSUFFICIENT_ACCESS_OR_READONLY");
			assertThat(seat.isDeleted()).isFalse();

			Row user = sandbox.org().table(OrgTypes.USER).rows().stream()
				.filter(r -> Boolean.TRUE.equals(r.fieldValue("IsActive")) && !r.id().equals(sandbox.org().integrationUserId()))
				.skip(3).findFirst().orElseThrow();
			String body = "{\"allOrNone\":false,\"records\":[{\"attributes\":{\"type\":\"User\"},\"id\":\"" + user.id()
					+ "\",\"IsActive\":false}]}";
			JsonNode updated = json(http.patch(SandboxHttp.V + "/composite/sobjects", body));
			assertThat(updated.get(0).path("errors").get(0).path("statusCode").asString())
				.isEqualTo("INSUFFICIENT_ACCESS_OR_READONLY");
			assertThat(user.fieldValue("IsActive")).isEqualTo(true);

			// Describe tells the same before any write is tried.
			JsonNode global = json(http.get(SandboxHttp.V + "/sobjects"));
			for (JsonNode object : global.path("sobjects")) {
				if ("UserPackageLicense".equals(object.path("name").asString())) {
					assertThat(object.path("deletable").asBoolean()).isFalse();
				}
				if ("PermissionSetLicenseAssign".equals(object.path("name").asString())) {
					assertThat(object.path("deletable").asBoolean()).isFalse();
				}
			}
			JsonNode isActive = field(json(http.get(SandboxHttp.V + "/sobjects/User/describe")), "IsActive");
			assertThat(isActive.path("updateable").asBoolean()).isFalse();
		}
		try (Sandbox administrator = sandbox(b -> {
		})) {
			SandboxHttp http = new SandboxHttp(administrator).login();
			JsonNode isActive = field(json(http.get(SandboxHttp.V + "/sobjects/User/describe")), "IsActive");
			assertThat(isActive.path("updateable").asBoolean()).isTrue();
		}
	}

	private static Sandbox sandbox(Consumer<Sandbox.Builder> options) {
		Sandbox.Builder builder = Sandbox.builder().users(200).seed(3).loginDays(10).now(NOW);
		options.accept(builder);
		return builder.build().start();
	}

	private static List<String> names(JsonNode describe) {
		List<String> names = new ArrayList<>();
		describe.path("fields").forEach(f -> names.add(f.path("name").asString()));
		return names;
	}

	private static JsonNode field(JsonNode describe, String name) {
		for (JsonNode field : describe.path("fields")) {
			if (name.equals(field.path("name").asString())) {
				return field;
			}
		}
		throw new AssertionError("no field " + name);
	}

}
