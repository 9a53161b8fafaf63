package dev.seatkeeper.sandbox.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SandboxOrgGeneratorTests {

	static final Instant NOW = Instant.parse("2026-11-25T14:03:07Z");

	static final SandboxOrg ORG = OrgGenerator.generate(OrgSpec.of(3000, NOW));

	@Test
	void sameSpecGivesTheSameOrgAndAnotherSeedAnotherOne() {
		SandboxOrg again = OrgGenerator.generate(OrgSpec.of(3000, NOW));
		SandboxOrg other = OrgGenerator.generate(OrgSpec.of(3000, NOW).withSeed(7));
		assertThat(snapshot(again)).isEqualTo(snapshot(ORG));
		assertThat(again.facts()).isEqualTo(ORG.facts());
		assertThat(snapshot(other)).isNotEqualTo(snapshot(ORG));
		assertThat(other.orgId()).isNotEqualTo(ORG.orgId());
	}

	@Test
	void theSameSeedAnotherNightGivesTheSameUsersLicensesAndAssignments() {
		SandboxOrg nextNight = OrgGenerator.generate(OrgSpec.of(3000, NOW.plus(Duration.ofDays(1))));

		for (ObjectType type : List.of(OrgTypes.USER, OrgTypes.PERMISSION_SET_LICENSE_ASSIGN, OrgTypes.USER_PACKAGE_LICENSE)) {
			assertThat(rows(nextNight, type, "Id")).as(type.name()).isEqualTo(rows(ORG, type, "Id"));
		}
		assertThat(rows(nextNight, OrgTypes.USER, "IsActive")).isEqualTo(rows(ORG, OrgTypes.USER, "IsActive"));
		assertThat(rows(nextNight, OrgTypes.USER, "ProfileId")).isEqualTo(rows(ORG, OrgTypes.USER, "ProfileId"));
		assertThat(rows(nextNight, OrgTypes.PERMISSION_SET_LICENSE_ASSIGN, "AssigneeId"))
			.isEqualTo(rows(ORG, OrgTypes.PERMISSION_SET_LICENSE_ASSIGN, "AssigneeId"));
		assertThat(nextNight.facts().activeUsersByLicense()).isEqualTo(ORG.facts().activeUsersByLicense());
	}

	private static List<Object> rows(SandboxOrg org, ObjectType type, String field) {
		List<Object> values = new ArrayList<>();
		org.table(type).rows().forEach(row -> values.add(row.fieldValue(field)));
		return values;
	}

	@Test
	void lastLoginDateIsTheLatestSuccessfulLoginInTheHistory() {
		LoginHistoryTable history = ORG.loginHistory();
		Map<String, Instant> latest = new HashMap<>();
		for (int i = 0; i < history.size(); i++) {
			if (history.success(i)) {
				latest.merge(history.userId(i), Instant.ofEpochSecond(history.epochSecond(i)),
						(a, b) -> a.isAfter(b) ? a : b);
			}
		}
		Instant windowStart = Instant.ofEpochSecond(history.epochSecond(0)).minus(Duration.ofDays(1));
		for (Row user : ORG.table(OrgTypes.USER).rows()) {
			Instant last = (Instant) user.fieldValue("LastLoginDate");
			if (latest.containsKey(user.id())) {
				assertThat(last).as(user.id()).isEqualTo(latest.get(user.id()));
			}
			else if (last != null) {
				assertThat(last).as(user.id()).isBefore(windowStart.plus(Duration.ofDays(1)));
			}
		}
	}

	@Test
	void usedLicensesCountWhatSalesforceCounts() {
		OrgFacts facts = ORG.facts();
		for (Row license : ORG.table(OrgTypes.USER_LICENSE).rows()) {
			assertThat(license.fieldValue("UsedLicenses"))
				.isEqualTo(facts.activeUsersByLicense().getOrDefault(license.fieldValue("LicenseDefinitionKey"), 0));
			assertThat((int) license.fieldValue("TotalLicenses")).isGreaterThanOrEqualTo((int) license.fieldValue("UsedLicenses"));
		}
		for (Row psl : ORG.table(OrgTypes.PERMISSION_SET_LICENSE).rows()) {
			String name = (String) psl.fieldValue("DeveloperName");
			assertThat(psl.fieldValue("UsedLicenses")).as(name)
				.isEqualTo(facts.usedByModel().get("PermissionSetLicense:" + name));
			if (!name.startsWith("SalesforceCPQ_")) {
				assertThat(psl.fieldValue("UsedLicenses")).as(name + " counts inactive assignees too")
					.isEqualTo(facts.assignmentsByPermissionSetLicense().get(name));
			}
		}
		assertThat(facts.usedByModel().get("PermissionSetLicense:SalesforceCPQ_CPQStandardPerm"))
			.as("CPQ seats of deactivated users are released (knowledge article 000394412)")
			.isLessThan(facts.assignmentsByPermissionSetLicense().get("SalesforceCPQ_CPQStandardPerm"));
		for (Row pkg : ORG.table(OrgTypes.PACKAGE_LICENSE).rows()) {
			if ((int) pkg.fieldValue("AllowedLicenses") != -1) {
				assertThat(pkg.fieldValue("UsedLicenses")).as("package seats count inactive users")
					.isEqualTo(facts.assignmentsByPackage().get(pkg.fieldValue("NamespacePrefix")));
			}
		}
	}

	@Test
	void theOrgHasEveryKindOfUserAndLicense() {
		OrgFacts facts = ORG.facts();
		assertThat(facts.users()).isEqualTo(3000);
		assertThat(facts.inactiveUsers()).isBetween(150, 350);
		assertThat(facts.neverLoggedIn()).isGreaterThan(100);
		assertThat(facts.dormantUsers()).isGreaterThan(200);
		assertThat(facts.frozenUsers()).isPositive();
		assertThat(facts.failedLogins()).isPositive();
		assertThat(facts.deletedAssignments()).isPositive();
		assertThat(facts.activeUsersByLicense()).containsKeys("SFDC", "AUL", "PID_Customer_Community",
				"PID_Partner_Community", "CSN_User", "GUEST");
		assertThat(facts.protectedUserIds()).hasSize(3);
		assertThat(ORG.table(OrgTypes.USER).rows()).extracting((u) -> u.fieldValue("UserType"))
			.contains("Standard", "PowerPartner", "CspLitePortal", "Guest", "CsnOnly");
		assertThat(ORG.table(OrgTypes.USER).rows()).extracting((u) -> (String) u.fieldValue("Name"))
			.anyMatch((n) -> n.contains("O'Brien"))
			.anyMatch((n) -> n.contains("Zoë") || n.contains("Łukasz"))
			.anyMatch((n) -> n.contains("李"));
		assertThat(ORG.table(OrgTypes.PACKAGE_LICENSE).rows()).anyMatch((p) -> (int) p.fieldValue("AllowedLicenses") == -1);
	}

	@Test
	void idsAreEighteenCharactersAndSortInCreationOrder() {
		for (ObjectType type : List.of(OrgTypes.USER, OrgTypes.PERMISSION_SET_LICENSE_ASSIGN, OrgTypes.USER_LOGIN)) {
			List<String> ids = ORG.table(type).rows().stream().map(Row::id).toList();
			assertThat(ids).allMatch((id) -> id.length() == 18 && id.startsWith(type.keyPrefix()) && SfId.isWellFormed(id));
			assertThat(ids).isSorted();
		}
		LoginHistoryTable history = ORG.loginHistory();
		for (int i = 1; i < history.size(); i++) {
			assertThat(history.epochSecond(i)).isGreaterThanOrEqualTo(history.epochSecond(i - 1));
			assertThat(history.id(i)).isGreaterThan(history.id(i - 1));
		}
	}

	@Test
	void loginHistoryHasBurstsOfManyLoginsInOneSecond() {
		LoginHistoryTable history = ORG.loginHistory();
		int longest = 1;
		int run = 1;
		for (int i = 1; i < history.size(); i++) {
			run = history.epochSecond(i) == history.epochSecond(i - 1) ? run + 1 : 1;
			longest = Math.max(longest, run);
		}
		assertThat(longest).isGreaterThan(20);
		assertThat(history.size()).isBetween(3000 * 20, 3000 * 45);
	}

	@Test
	void loginTimeBoundsFindTheirPositionsByBinarySearch() {
		LoginHistoryTable history = ORG.loginHistory();
		int middle = history.size() / 2;
		Instant time = Instant.ofEpochSecond(history.epochSecond(middle));
		int from = history.from("LoginTime", time, true);
		assertThat(history.epochSecond(from)).isEqualTo(time.getEpochSecond());
		assertThat(from == 0 || history.epochSecond(from - 1) < time.getEpochSecond()).isTrue();
		int after = history.from("LoginTime", time, false);
		assertThat(history.epochSecond(after)).isGreaterThan(time.getEpochSecond());
		assertThat(history.to("LoginTime", time, true)).isEqualTo(after);
		assertThat(history.from("Id", history.id(middle), false)).isEqualTo(middle + 1);
	}

	@Test
	void generationStaysSmallEnoughForAHundredThousandUsers() {
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		long before = runtime.totalMemory() - runtime.freeMemory();
		SandboxOrg org = OrgGenerator.generate(OrgSpec.of(5000, NOW));
		System.gc();
		long used = runtime.totalMemory() - runtime.freeMemory() - before;
		assertThat(org.loginHistory().size()).isGreaterThan(100_000);
		// 100k users must fit well under 2 GB: allow 20x this size a generous 1 GB, i.e. 50 MB here.
		assertThat(used).isLessThan(50L * 1024 * 1024);
	}

	@Test
	void tinyOrgsAndShortHistoriesStillHoldTogether() {
		SandboxOrg tiny = OrgGenerator.generate(OrgSpec.of(5, NOW).withLoginDays(1));
		OrgFacts facts = tiny.facts();
		assertThat(facts.users()).isEqualTo(5);
		assertThat(facts.protectedUserIds()).hasSize(3);
		assertThat(facts.successfulLogins()).isPositive();
		for (Row license : tiny.table(OrgTypes.USER_LICENSE).rows()) {
			assertThat((int) license.fieldValue("TotalLicenses")).isGreaterThanOrEqualTo((int) license.fieldValue("UsedLicenses"));
		}
		assertThatThrownBy(() -> OrgSpec.of(4, NOW)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OrgSpec.of(10, NOW).withLoginDays(0)).isInstanceOf(IllegalArgumentException.class);
	}

	private static List<String> snapshot(SandboxOrg org) {
		List<String> lines = new ArrayList<>();
		for (ObjectType type : org.types()) {
			RecordSource source = org.source(type.name());
			for (int i = 0; i < source.size(); i += Math.max(1, source.size() / 500)) {
				OrgRecord record = source.record(i);
				StringBuilder line = new StringBuilder();
				type.fields().forEach((f) -> line.append(record.value(f)).append('|'));
				lines.add(line.toString());
			}
		}
		return lines;
	}

}
