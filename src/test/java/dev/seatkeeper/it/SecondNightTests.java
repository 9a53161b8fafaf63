package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The second night is incremental: only logins after the watermark and users Salesforce changed are fetched, and
 * what is gone is ended; a week after the last full sweep every user is downloaded again.
 */
class SecondNightTests {

	static final Instant FIRST_NIGHT = Instant.parse("2026-11-26T02:00:00Z");

	static final Instant SECOND_NIGHT = FIRST_NIGHT.plus(Duration.ofDays(1));

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void theSecondNightFetchesOnlyNewLoginsAndEndsWhatIsGone(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(500).seed(5).loginDays(40).now(FIRST_NIGHT).build().start()) {
			Profile profile = TestProfiles.of("acme", sandbox).build();
			try (JobHarness first = JobHarness.start(database, Clock.fixed(FIRST_NIGHT, ZoneOffset.UTC),
					TestProfiles.properties(sandbox))) {
				assertThat(first.run(profile, LocalDate.of(2026, 11, 26)).exitCode()).isEqualTo(ExitCode.OK);
				int loginsAfterFirstNight = first.count("SELECT COUNT(*) FROM login_event");

				Instant latestStamp = latestUserStamp(sandbox);
				Row leaver = activeUserWithLicense(sandbox);
				sandbox.org().writer().update(leaver.id(), Map.of("IsActive", false));
				Row marketer = activeUserWith(sandbox, "UserPermissionsMarketingUser");
				sandbox.org().writer().update(marketer.id(), Map.of("UserPermissionsMarketingUser", false));
				int changedUsers = usersStampedAfter(sandbox, latestStamp.minus(Duration.ofHours(1)));
				Row assignment = sandbox.org().table(OrgTypes.PERMISSION_SET_LICENSE_ASSIGN).record(0);
				sandbox.org().writer().delete(assignment.id());
				String someone = activeUserWithLicense(sandbox).id();
				for (int hour = 1; hour <= 7; hour++) {
					sandbox.org().writer().recordLogin(someone, FIRST_NIGHT.plus(Duration.ofHours(hour * 3)), hour != 4,
							"Application");
				}
				sandbox.requests().clear();

				try (JobHarness second = first.restartOnSameDatabase(Clock.fixed(SECOND_NIGHT, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
					assertThat(second.run(profile, LocalDate.of(2026, 11, 27)).exitCode()).isEqualTo(ExitCode.OK);

					Instant lookBack = FIRST_NIGHT.minus(Duration.ofMinutes(10));
					assertThat(loginHistoryQueries(sandbox)).as("every login query starts at or after the watermark less the look-back")
						.isNotEmpty()
						.allSatisfy(query -> assertThat(lowerBound(query)).isAfterOrEqualTo(lookBack));
					assertThat(second.count(
							"SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'pullActivity' ORDER BY STEP_EXECUTION_ID DESC LIMIT 1"))
						.as("logins read on the second night: the new ones and those of the look-back again")
						.isEqualTo(7 + loginsBetween(sandbox, lookBack, FIRST_NIGHT));
					assertThat(second.count("SELECT COUNT(*) FROM login_event")).isEqualTo(loginsAfterFirstNight + 7);
					assertThat(userQueries(sandbox)).as("users changed since the first night's latest stamp, less an hour")
						.isNotEmpty()
						.allSatisfy(query -> assertThat(query)
							.contains("SystemModstamp > " + latestStamp.minus(Duration.ofHours(1))));
					assertThat(second.count(
							"SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'downloadSubscriptions' ORDER BY STEP_EXECUTION_ID DESC LIMIT 1"))
						.as("users read on the second night: the leaver and those stamped in the overlap")
						.isEqualTo(changedUsers)
						.isLessThan(500);
					assertThat(second.count(
							"SELECT WRITE_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'summarizeActivity' ORDER BY STEP_EXECUTION_ID DESC LIMIT 1"))
						.as("users summarised, each once, though their rows were updated rather than inserted")
						.isEqualTo(500);
					assertThat(second.count("SELECT COUNT(*) FROM subscription WHERE user_id = ? AND ended_at = ?",
							leaver.id(), SECOND_NIGHT.atOffset(ZoneOffset.UTC).toLocalDateTime()))
						.as("the deactivated user's subscriptions are ended, not deleted")
						.isPositive();
					assertThat(second.count("SELECT COUNT(*) FROM subscription WHERE user_id = ? AND ended_at = ?"
							+ " AND model_identifier = 'FeatureLicense:MarketingUser'", marketer.id(),
							SECOND_NIGHT.atOffset(ZoneOffset.UTC).toLocalDateTime()))
						.as("a feature license taken away is ended")
						.isEqualTo(1);
					assertThat(second.count("SELECT COUNT(*) FROM subscription WHERE assignment_id = ? AND ended_at IS NOT NULL",
							assignment.id()))
						.isEqualTo(1);
					assertThat(second.count("SELECT COUNT(*) FROM user_activity WHERE user_id = ? AND logins_30d >= 6"
							+ " AND computed_at = ?", someone, SECOND_NIGHT.atOffset(ZoneOffset.UTC).toLocalDateTime()))
						.as("new logins counted, and the figures' change dated")
						.isEqualTo(1);
					GroundTruth.assertTablesMatch(second.jdbc(), "acme", sandbox);
				}

				Instant weekLater = FIRST_NIGHT.plus(Duration.ofDays(7));
				sandbox.requests().clear();
				try (JobHarness sweep = first.restartOnSameDatabase(Clock.fixed(weekLater, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
					assertThat(sweep.run(profile, LocalDate.of(2026, 12, 3)).exitCode()).isEqualTo(ExitCode.OK);

					assertThat(userQueries(sandbox)).as("a week after the last sweep every user is downloaded again")
						.isNotEmpty()
						.noneMatch(query -> query.contains("SystemModstamp >"));
					assertThat(sweep.count(
							"SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'downloadSubscriptions' ORDER BY STEP_EXECUTION_ID DESC LIMIT 1"))
						.isEqualTo(500);
					GroundTruth.assertTablesMatch(sweep.jdbc(), "acme", sandbox);
				}
			}
		}
	}

	private static int loginsBetween(Sandbox sandbox, Instant after, Instant upTo) {
		var history = sandbox.org().loginHistory();
		int count = 0;
		for (int i = 0; i < history.size(); i++) {
			Instant time = (Instant) history.record(i).fieldValue("LoginTime");
			count += (time.isAfter(after) && !time.isAfter(upTo)) ? 1 : 0;
		}
		return count;
	}

	private static Row activeUserWithLicense(Sandbox sandbox) {
		var users = sandbox.org().table(OrgTypes.USER);
		for (int i = 0; i < users.size(); i++) {
			Row user = users.record(i);
			if (Boolean.TRUE.equals(user.fieldValue("IsActive")) && "Standard".equals(user.fieldValue("UserType"))
					&& !sandbox.facts().protectedUserIds().contains(user.id())) {
				return user;
			}
		}
		throw new IllegalStateException("no active standard user");
	}

	private static Row activeUserWith(Sandbox sandbox, String flag) {
		var users = sandbox.org().table(OrgTypes.USER);
		for (int i = 0; i < users.size(); i++) {
			Row user = users.record(i);
			if (Boolean.TRUE.equals(user.fieldValue("IsActive")) && Boolean.TRUE.equals(user.fieldValue(flag))) {
				return user;
			}
		}
		throw new IllegalStateException("no active user with " + flag);
	}

	private static Instant latestUserStamp(Sandbox sandbox) {
		var users = sandbox.org().table(OrgTypes.USER);
		Instant latest = Instant.MIN;
		for (int i = 0; i < users.size(); i++) {
			Instant stamp = (Instant) users.record(i).fieldValue("SystemModstamp");
			latest = stamp.isAfter(latest) ? stamp : latest;
		}
		return latest;
	}

	private static int usersStampedAfter(Sandbox sandbox, Instant after) {
		var users = sandbox.org().table(OrgTypes.USER);
		int count = 0;
		for (int i = 0; i < users.size(); i++) {
			count += ((Instant) users.record(i).fieldValue("SystemModstamp")).isAfter(after) ? 1 : 0;
		}
		return count;
	}

	private static List<String> userQueries(Sandbox sandbox) {
		return queries(sandbox).stream().filter(query -> query.contains("FROM User ")).toList();
	}

	private static Instant lowerBound(String query) {
		Matcher matcher = Pattern.compile("LoginTime > (\\S+?)[ )]").matcher(query);
		assertThat(matcher.find()).as(query).isTrue();
		return Instant.parse(matcher.group(1));
	}

	private static List<String> loginHistoryQueries(Sandbox sandbox) {
		return queries(sandbox).stream().filter(query -> query.contains("FROM LoginHistory")).toList();
	}

	private static List<String> queries(Sandbox sandbox) {
		return sandbox.requests()
			.entries()
			.stream()
			.map(entry -> URLDecoder.decode(entry.pathAndQuery(), StandardCharsets.UTF_8))
			.toList();
	}

}
