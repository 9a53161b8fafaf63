package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Salesforce records some logins late: after a night has read up to its watermark, a login appears with a LoginTime
 * before it. The next night reads from a look-back before the watermark and stores that login, once.
 */
class LateLoginTests {

	static final Instant FIRST_NIGHT = Instant.parse("2026-11-26T02:00:00Z");

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aLoginRecordedBeforeTheWatermarkIsCapturedOnceTheNextNight(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(300).seed(9).loginDays(20).now(FIRST_NIGHT).build().start()) {
			try (JobHarness first = JobHarness.start(database, Clock.fixed(FIRST_NIGHT, ZoneOffset.UTC),
					TestProfiles.properties(sandbox))) {
				assertThat(first.run(TestProfiles.of("acme", sandbox).build(), LocalDate.of(2026, 11, 26)).exitCode())
					.isEqualTo(ExitCode.OK);
				int loginsAfterFirstNight = first.count("SELECT COUNT(*) FROM login_event");

				String user = sandbox.org().table(OrgTypes.USER).record(5).id();
				String onTime = sandbox.org().writer().recordLogin(user, FIRST_NIGHT.plus(Duration.ofHours(3)), true,
						"Application");
				String late = sandbox.org().writer().recordLogin(user, FIRST_NIGHT.minus(Duration.ofMinutes(4)), true,
						"Application");
				assertThat(loginTime(sandbox, late)).as("recorded with a LoginTime before the watermark")
					.isEqualTo(FIRST_NIGHT.minus(Duration.ofMinutes(4)));

				Instant secondNight = FIRST_NIGHT.plus(Duration.ofDays(1));
				try (JobHarness second = first.restartOnSameDatabase(Clock.fixed(secondNight, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
					assertThat(second.run(TestProfiles.of("acme", sandbox).build(), LocalDate.of(2026, 11, 27))
						.exitCode()).isEqualTo(ExitCode.OK);

					assertThat(second.count("SELECT COUNT(*) FROM login_event WHERE event_id = ?", late))
						.as("the late login, once").isEqualTo(1);
					assertThat(second.count("SELECT COUNT(*) FROM login_event WHERE event_id = ?", onTime)).isEqualTo(1);
					assertThat(second.count("SELECT COUNT(*) FROM login_event")).isEqualTo(loginsAfterFirstNight + 2);
					GroundTruth.assertTablesMatch(second.jdbc(), "acme", sandbox);
				}
			}
		}
	}

	private static Instant loginTime(Sandbox sandbox, String loginId) {
		var history = sandbox.org().loginHistory();
		for (int i = history.size() - 1; i >= 0; i--) {
			var event = history.record(i);
			if (event.id().equals(loginId)) {
				return (Instant) event.fieldValue("LoginTime");
			}
		}
		throw new IllegalStateException("no login " + loginId);
	}

}
