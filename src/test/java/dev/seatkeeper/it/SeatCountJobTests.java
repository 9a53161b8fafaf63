package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.cli.ExitCode;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.ObjectType;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The position counts seats the way Salesforce bills them: for every model of every kind, {@code assigned} equals
 * the used count Salesforce itself reports (the sandbox's facts), and the drift column says so, on a fresh org and
 * after users are deactivated (package seats and most permission set licenses stay taken; CPQ's are released).
 * On H2 and the MySQL-compatible server.
 */
class SeatCountJobTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void assignedIsWhatSalesforceCountsOnAFreshOrgAndAfterDeactivations(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(500).seed(13).loginDays(30).now(NOW).build().start()) {
			Profile profile = TestProfiles.of("acme", sandbox).build();
			try (JobHarness first = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
					TestProfiles.properties(sandbox))) {
				assertThat(first.run(profile, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);
				SeatCounts.assertAssignedIsSalesforces(first.jdbc(), "acme", RUN_DATE, sandbox);
				int consoleSeats = SeatCounts.assigned(first.jdbc(), "acme", RUN_DATE, "PermissionSetLicense:SalesConsoleUser");

				List<Row> leavers = leavers(sandbox);
				leavers.forEach(user -> sandbox.org().writer().update(user.id(), Map.of("IsActive", false)));

				Instant secondNight = NOW.plus(Duration.ofDays(1));
				try (JobHarness second = first.restartOnSameDatabase(Clock.fixed(secondNight, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
					assertThat(second.run(profile, RUN_DATE.plusDays(1)).exitCode()).isEqualTo(ExitCode.OK);
					SeatCounts.assertAssignedIsSalesforces(second.jdbc(), "acme", RUN_DATE.plusDays(1), sandbox);
					assertThat(SeatCounts.assigned(second.jdbc(), "acme", RUN_DATE.plusDays(1),
							"PermissionSetLicense:SalesConsoleUser"))
						.as("a deactivated user's Sales Console seat still counts until it is removed")
						.isEqualTo(consoleSeats);
				}
			}
		}
	}

	/** Active users who hold a CPQ seat, a Sales Console seat and a CPQ package seat, none protected. */
	private static List<Row> leavers(Sandbox sandbox) {
		List<Row> leavers = new ArrayList<>();
		for (Row user : sandbox.org().table(OrgTypes.USER).rows()) {
			if (Boolean.TRUE.equals(user.fieldValue("IsActive"))
					&& !sandbox.facts().protectedUserIds().contains(user.id())
					&& holds(sandbox, user, OrgTypes.PERMISSION_SET_LICENSE_ASSIGN, "AssigneeId",
							"PermissionSetLicense.DeveloperName", "SalesforceCPQ_CPQStandardPerm")
					&& holds(sandbox, user, OrgTypes.PERMISSION_SET_LICENSE_ASSIGN, "AssigneeId",
							"PermissionSetLicense.DeveloperName", "SalesConsoleUser")
					&& holds(sandbox, user, OrgTypes.USER_PACKAGE_LICENSE, "UserId", "PackageLicense.NamespacePrefix",
							"SBQQ")) {
				leavers.add(user);
			}
			if (leavers.size() == 3) {
				break;
			}
		}
		assertThat(leavers).hasSize(3);
		return leavers;
	}

	static boolean holds(Sandbox sandbox, Row user, ObjectType type, String userField, String namePath, String name) {
		return sandbox.org()
			.table(type)
			.rows()
			.stream()
			.anyMatch(row -> !row.isDeleted() && user.id().equals(row.fieldValue(userField))
					&& name.equals(row.value(namePath)));
	}

}
