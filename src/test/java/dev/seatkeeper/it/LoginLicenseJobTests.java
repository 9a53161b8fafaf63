package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.profile.Entitlement;
import dev.seatkeeper.profile.Entitlement.BillingPeriod;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Login-based licenses (Customer Community Login) are billed by logins a month, not users: the position carries the
 * month's logins used and Salesforce's allowance, its status is about those, and idle users of the license are no
 * shelfware or savings, however many seats the profile says it owns. An org without Digital Experiences, which hides
 * the monthly login fields, runs as before. On H2 and the MySQL-compatible server.
 */
class LoginLicenseJobTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	static final String MODEL = "UserLicense:PID_Customer_Community_Login";

	/** The profile owns far more than is assigned: as seats this would be shelfware and savings. */
	static final Entitlement LOGINS = new Entitlement(MODEL, "Customer Community Login", 5000, new BigDecimal("2"), "USD",
			BillingPeriod.MONTHLY, null, null);

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void theMonthsLoginsAgainstTheAllowanceDecideTheStatusNotSeats(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(500).seed(13).loginDays(60).now(NOW).build().start()) {
			int used = sandbox.facts().monthlyLoginsUsed().get(MODEL);
			int entitled = sandbox.facts().monthlyLoginsEntitled().get(MODEL);
			assertThat(used).as("logins this month").isPositive().isLessThan(entitled);
			Profile profile = TestProfiles.of("acme", sandbox).entitlements(LOGINS).build();
			try (JobHarness first = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
					TestProfiles.properties(sandbox))) {
				assertThat(first.run(profile, RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

				Map<String, Object> position = position(first, RUN_DATE);
				assertThat(number(position, "monthly_logins_used")).isEqualTo(used);
				assertThat(number(position, "monthly_logins_entitled")).isEqualTo(entitled);
				assertThat(position.get("status")).isEqualTo("COMPLIANT");
				assertThat(number(position, "assigned")).as("its users still hold a user license each").isPositive();
				for (String seatFigure : List.of("shortfall", "shelfware", "savings_seats", "savings_after_reclamation_seats")) {
					assertThat(number(position, seatFigure)).as(seatFigure).isZero();
				}
				assertThat((BigDecimal) position.get("savings_annual")).isEqualByComparingTo("0");
				assertThat((BigDecimal) position.get("inactive_cost_annual")).isEqualByComparingTo("0");
				assertThat((BigDecimal) position.get("cost_annual")).as("priced by the profile").isEqualByComparingTo("120000");
				SeatCounts.assertAssignedIsSalesforces(first.jdbc(), "acme", RUN_DATE, sandbox);
				assertThat(first.jdbc().queryForObject("SELECT COUNT(*) FROM license_position WHERE profile = 'acme'"
						+ " AND monthly_logins_entitled IS NOT NULL", Integer.class)).as("only that license").isEqualTo(1);

				loginDaily(sandbox, entitled - used + 1);
				assertThat(sandbox.facts().monthlyLoginsUsed().get(MODEL)).isGreaterThan(entitled);
				Instant later = NOW.plus(Duration.ofDays(1));
				try (JobHarness second = first.restartOnSameDatabase(Clock.fixed(later, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
					assertThat(second.run(profile, RUN_DATE.plusDays(1)).exitCode()).isEqualTo(ExitCode.OK);
					Map<String, Object> over = position(second, RUN_DATE.plusDays(1));
					assertThat(number(over, "monthly_logins_used")).isEqualTo(sandbox.facts().monthlyLoginsUsed().get(MODEL));
					assertThat(over.get("status")).as("over the monthly allowance").isEqualTo("UNDER_LICENSED");
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void anOrgWithoutDigitalExperiencesHasNoLoginFiguresAndRunsAsBefore(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(300).seed(13).loginDays(30).now(NOW)
			.hideField("UserLicense", "MonthlyLoginsEntitlement")
			.hideField("UserLicense", "MonthlyLoginsUsed")
			.build()
			.start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
			assertThat(app.run(TestProfiles.of("acme", sandbox).build(), RUN_DATE).exitCode()).isEqualTo(ExitCode.OK);

			assertThat(app.jdbc().queryForObject("SELECT COUNT(*) FROM license_position WHERE profile = 'acme'"
					+ " AND monthly_logins_entitled IS NOT NULL", Integer.class)).isZero();
			SeatCounts.assertAssignedIsSalesforces(app.jdbc(), "acme", RUN_DATE, sandbox);
			assertThat(sandbox.requests().entries())
				.filteredOn(entry -> URLDecoder.decode(entry.pathAndQuery(), StandardCharsets.UTF_8)
					.contains("FROM UserLicense"))
				.as("asked with the monthly login fields, refused, asked without").hasSize(2);
		}
	}

	/** Successful logins of the license's users, each on a day of its own this month, until {@code count} are added. */
	private static void loginDaily(Sandbox sandbox, int count) {
		List<Row> users = sandbox.org().table(OrgTypes.USER).rows().stream()
			.filter(user -> "PID_Customer_Community_Login".equals(user.value("Profile.UserLicense.LicenseDefinitionKey")))
			.filter(user -> Boolean.TRUE.equals(user.fieldValue("IsActive")))
			.toList();
		Instant monthStart = LocalDate.of(2026, 11, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
		int added = 0;
		for (int day = 0; day < 26 && added < count; day++) {
			for (Row user : users) {
				int before = sandbox.facts().monthlyLoginsUsed().get(MODEL);
				sandbox.org().writer().recordLogin(user.id(), monthStart.plus(Duration.ofDays(day)).plusSeconds(3600),
						true, "Chatter Communities External User");
				added += sandbox.facts().monthlyLoginsUsed().get(MODEL) - before;
				if (added >= count) {
					return;
				}
			}
		}
	}

	private static Map<String, Object> position(JobHarness app, LocalDate runDate) {
		return app.jdbc().queryForMap("SELECT * FROM license_position WHERE profile = 'acme' AND run_date = ? AND model = ?",
				runDate, MODEL);
	}

	private static int number(Map<String, Object> row, String column) {
		Object value = row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).findFirst()
			.orElseThrow(() -> new AssertionError("no column " + column)).getValue();
		return ((Number) value).intValue();
	}

}
