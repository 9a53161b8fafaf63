package dev.seatkeeper.sandbox;

import static dev.seatkeeper.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.seatkeeper.sandbox.org.LicenseMetrics;
import dev.seatkeeper.sandbox.org.OrgFacts;
import dev.seatkeeper.sandbox.org.OrgRecord;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Permission;
import dev.seatkeeper.sandbox.org.Row;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Salesforce's daily license metrics as the sandbox serves them: one row per feature type the org has and metrics
 * date, counts as of the end of that date (not of now), only in orgs that have the objects.
 */
class SandboxLicenseMetricsTests {

	static final Instant NOW = Instant.parse("2026-11-25T14:03:07Z");

	static final LocalDate YESTERDAY = LocalDate.parse("2026-11-24");

	static final String FEATURES = "SELECT FeatureType, TotalLicenseCount, AssignedUserCount, ActiveUserCount, MetricsDate"
			+ " FROM ActiveFeatureLicenseMetric";

	@Test
	void featureMetricsCountHoldersAndThirtyDayLoginsAsOfTheEndOfTheMetricsDate() {
		try (Sandbox sandbox = sandbox(b -> { })) {
			SandboxHttp http = new SandboxHttp(sandbox).login();
			assertThat(objectNames(json(http.get(SandboxHttp.V + "/sobjects")))).contains("ActiveFeatureLicenseMetric",
					"ActivePermSetLicenseMetric");
			JsonNode latest = json(http.query("SELECT MetricsDate FROM ActiveFeatureLicenseMetric ORDER BY MetricsDate DESC LIMIT 1"));
			assertThat(latest.path("records").get(0).path("MetricsDate").asString()).isEqualTo("2026-11-24");
			assertThat(json(http.query(FEATURES)).path("totalSize").asInt()).as("3 days of 7 feature types")
				.isEqualTo(LicenseMetrics.DAYS * OrgTypes.USER_PERMISSIONS.size());

			JsonNode rows = json(http.query(FEATURES + " WHERE MetricsDate = 2026-11-24 ORDER BY FeatureType"));

			Instant end = Instant.parse("2026-11-25T00:00:00Z");
			Set<String> loggedIn = successfulLoginsBetween(sandbox, end.minus(Duration.ofDays(30)), end);
			assertThat(rows.path("records")).hasSize(OrgTypes.USER_PERMISSIONS.size());
			for (JsonNode row : rows.path("records")) {
				String flag = "UserPermissions" + row.path("FeatureType").asString();
				int assigned = 0;
				int active = 0;
				for (Row user : sandbox.org().table(OrgTypes.USER).rows()) {
					if (Boolean.TRUE.equals(user.fieldValue("IsActive")) && Boolean.TRUE.equals(user.fieldValue(flag))
							&& ((Instant) user.fieldValue("CreatedDate")).isBefore(end)) {
						assigned++;
						active += loggedIn.contains(user.id()) ? 1 : 0;
					}
				}
				assertThat(row.path("AssignedUserCount").asInt()).as(flag).isEqualTo(assigned);
				assertThat(row.path("ActiveUserCount").asInt()).as(flag).isEqualTo(active);
				assertThat(row.path("TotalLicenseCount").asInt()).as(flag).isGreaterThan(assigned);
			}
			assertThat(sumOf(rows, "ActiveUserCount")).as("some holders logged in, not all").isPositive()
				.isLessThan(sumOf(rows, "AssignedUserCount"));
			assertThat(sandbox.facts().latestMetrics().get("FeatureLicense:SupportUser").metricsDate()).isEqualTo(YESTERDAY);
		}
	}

	@Test
	void usersCreatedTodayAreNotInYesterdaysMetrics() {
		try (Sandbox sandbox = sandbox(b -> { })) {
			OrgFacts facts = sandbox.facts();
			Instant end = LicenseMetrics.endOf(YESTERDAY);
			int createdToday = 0;
			for (Row user : sandbox.org().table(OrgTypes.USER).rows()) {
				if (Boolean.TRUE.equals(user.fieldValue("IsActive"))
						&& Boolean.TRUE.equals(user.fieldValue("UserPermissionsSFContentUser"))
						&& !((Instant) user.fieldValue("CreatedDate")).isBefore(end)) {
					createdToday++;
				}
			}
			assertThat(facts.latestMetrics().get("FeatureLicense:SFContentUser").assigned())
				.isEqualTo(facts.featureHolders().get("FeatureLicense:SFContentUser") - createdToday);
		}
	}

	@Test
	void permissionSetLicenseMetricsCountSeatsAsUsedLicensesDoesAndKeepThemUntilTheNextCollection() {
		try (Sandbox sandbox = sandbox(b -> { })) {
			SandboxHttp http = new SandboxHttp(sandbox).login();
			JsonNode rows = json(http.query("SELECT PermissionSetLicenseId, DeveloperName, TotalLicenses, AssignedUserCount,"
					+ " ActiveUserCount, MetricsDate FROM ActivePermSetLicenseMetric WHERE MetricsDate = 2026-11-24"));
			assertThat(rows.path("records")).hasSize(sandbox.org().table(OrgTypes.PERMISSION_SET_LICENSE).size());
			Instant end = LicenseMetrics.endOf(YESTERDAY);
			for (JsonNode row : rows.path("records")) {
				Row psl = sandbox.org().find(row.path("PermissionSetLicenseId").asString());
				assertThat(psl).isNotNull();
				assertThat(row.path("DeveloperName").asString()).isEqualTo(psl.fieldValue("DeveloperName"));
				assertThat(row.path("TotalLicenses").asInt()).isEqualTo(psl.fieldValue("TotalLicenses"));
				int created = 0;
				for (Row assignment : sandbox.org().table(OrgTypes.PERMISSION_SET_LICENSE_ASSIGN).rows()) {
					created += psl.id().equals(assignment.fieldValue("PermissionSetLicenseId"))
							&& ((Instant) assignment.fieldValue("CreatedDate")).isBefore(end) ? 1 : 0;
				}
				assertThat(row.path("AssignedUserCount").asInt()).as(psl.fieldValue("DeveloperName").toString())
					.isLessThanOrEqualTo(created);
			}

			Map<String, Integer> before = assignedByFeature(http);
			Row holder = firstActiveHolder(sandbox, "UserPermissionsSupportUser");
			assertThat(http.patch(SandboxHttp.V + "/sobjects/User/" + holder.id(), "{\"IsActive\":false}").statusCode())
				.isEqualTo(204);

			assertThat(assignedByFeature(http)).as("collected daily: unchanged until the next collection").isEqualTo(before);
			assertThat(sandbox.facts().featureHolders().get("FeatureLicense:SupportUser"))
				.isEqualTo(sandbox.facts().latestMetrics().get("FeatureLicense:SupportUser").assigned() - 1
						+ createdAfter(sandbox, "UserPermissionsSupportUser", end));
		}
	}

	@Test
	void anOrgWithoutTheMetricsHasNeitherObject() {
		try (Sandbox sandbox = sandbox(b -> b.licenseMetrics(false))) {
			SandboxHttp http = new SandboxHttp(sandbox).login();
			assertThat(objectNames(json(http.get(SandboxHttp.V + "/sobjects")))).contains("User")
				.doesNotContain("ActiveFeatureLicenseMetric", "ActivePermSetLicenseMetric");
			HttpResponse<String> refused = http.query(FEATURES);
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(json(refused).get(0).path("errorCode").asString()).isEqualTo("INVALID_TYPE");
			assertThat(http.get(SandboxHttp.V + "/sobjects/ActivePermSetLicenseMetric/describe").statusCode())
				.isEqualTo(404);
			assertThat(sandbox.facts().latestMetrics()).isEmpty();
		}
	}

	@Test
	void theObjectsAreServedFromApiVersion52() {
		try (Sandbox sandbox = sandbox(b -> { })) {
			SandboxHttp http = new SandboxHttp(sandbox).login();
			assertThat(objectNames(json(http.get("/services/data/v51.0/sobjects")))).contains("User")
				.doesNotContain("ActiveFeatureLicenseMetric", "ActivePermSetLicenseMetric");
			HttpResponse<String> old = http.get("/services/data/v51.0/query?q=" + SandboxHttp.encode(FEATURES));
			assertThat(old.statusCode()).isEqualTo(400);
			assertThat(json(old).get(0).path("errorCode").asString()).isEqualTo("INVALID_TYPE");
			assertThat(http.get("/services/data/v51.0/sobjects/ActiveFeatureLicenseMetric/describe").statusCode())
				.isEqualTo(404);
			assertThat(http.get("/services/data/v52.0/query?q=" + SandboxHttp.encode(FEATURES)).statusCode())
				.isEqualTo(200);
		}
	}

	@Test
	void aFeatureTheOrgLacksHasNoRowAndTheObjectsNeedViewSetup() {
		try (Sandbox sandbox = sandbox(b -> b.hideField("User", "UserPermissionsKnowledgeUser"))) {
			JsonNode rows = json(new SandboxHttp(sandbox).login().query(FEATURES + " WHERE MetricsDate = 2026-11-24"));
			List<String> types = new ArrayList<>();
			rows.path("records").forEach((row) -> types.add(row.path("FeatureType").asString()));
			assertThat(types).contains("SupportUser", "MobileUser").doesNotContain("KnowledgeUser");
		}
		try (Sandbox sandbox = sandbox(b -> b.withhold(Permission.VIEW_SETUP))) {
			SandboxHttp http = new SandboxHttp(sandbox).login();
			assertThat(objectNames(json(http.get(SandboxHttp.V + "/sobjects")))).doesNotContain("ActiveFeatureLicenseMetric");
			assertThat(json(http.query(FEATURES)).get(0).path("errorCode").asString()).isEqualTo("INVALID_TYPE");
		}
	}

	private static Sandbox sandbox(Consumer<Sandbox.Builder> options) {
		Sandbox.Builder builder = Sandbox.builder().users(400).seed(5).loginDays(60).now(NOW);
		options.accept(builder);
		return builder.build().start();
	}

	private static Set<String> successfulLoginsBetween(Sandbox sandbox, Instant from, Instant to) {
		Set<String> users = new HashSet<>();
		var history = sandbox.org().loginHistory();
		for (int i = 0; i < history.size(); i++) {
			OrgRecord login = history.record(i);
			Instant time = (Instant) login.fieldValue("LoginTime");
			if ("Success".equals(login.fieldValue("Status")) && !time.isBefore(from) && time.isBefore(to)) {
				users.add((String) login.fieldValue("UserId"));
			}
		}
		return users;
	}

	private static int createdAfter(Sandbox sandbox, String flag, Instant end) {
		int count = 0;
		for (Row user : sandbox.org().table(OrgTypes.USER).rows()) {
			if (Boolean.TRUE.equals(user.fieldValue("IsActive")) && Boolean.TRUE.equals(user.fieldValue(flag))
					&& !((Instant) user.fieldValue("CreatedDate")).isBefore(end)) {
				count++;
			}
		}
		return count;
	}

	private static Row firstActiveHolder(Sandbox sandbox, String flag) {
		Instant end = LicenseMetrics.endOf(YESTERDAY);
		return sandbox.org().table(OrgTypes.USER).rows().stream()
			.filter((user) -> Boolean.TRUE.equals(user.fieldValue("IsActive")) && Boolean.TRUE.equals(user.fieldValue(flag))
					&& ((Instant) user.fieldValue("CreatedDate")).isBefore(end)
					&& !sandbox.org().protectedUsers().containsKey(user.id()))
			.skip(3)
			.findFirst()
			.orElseThrow();
	}

	private static Map<String, Integer> assignedByFeature(SandboxHttp http) {
		Map<String, Integer> assigned = new HashMap<>();
		json(http.query(FEATURES + " WHERE MetricsDate = 2026-11-24")).path("records")
			.forEach((row) -> assigned.put(row.path("FeatureType").asString(), row.path("AssignedUserCount").asInt()));
		return assigned;
	}

	private static int sumOf(JsonNode rows, String field) {
		int sum = 0;
		for (JsonNode row : rows.path("records")) {
			sum += row.path(field).asInt();
		}
		return sum;
	}

	private static List<String> objectNames(JsonNode global) {
		List<String> names = new ArrayList<>();
		global.path("sobjects").forEach((o) -> names.add(o.path("name").asString()));
		return names;
	}

}
