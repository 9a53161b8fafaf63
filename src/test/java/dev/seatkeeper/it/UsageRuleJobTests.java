package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Holders;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.RecordActivityFacts;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.sandbox.soql.SoqlParser;
import dev.seatkeeper.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules on use: a Sales Cloud seat whose holder created and edited none of the license's objects for 60 days, logins
 * aside, and a Service Cloud feature license whose holder neither logged in for 30 days nor touched a case for 90.
 * The candidates are exactly the holders the org's records say, each with the evidence that decided. On H2 and on
 * the MySQL-compatible server.
 */
class UsageRuleJobTests {

	static final Instant NOW = RecordActivityJobTests.NOW;

	static final Rule SALES_USE = new Rule("sales-unused", List.of("UserLicense:SFDC"), 0, false, 0, Action.DEACTIVATE,
			false, Holders.ACTIVE_USERS, 60);

	static final Rule SERVICE_CLOUD = new Rule("service-cloud-idle", List.of("FeatureLicense:SupportUser"), 30, false, 0,
			Action.DEACTIVATE, false, Holders.ACTIVE_USERS, 90);

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void candidatesAreExactlyTheHoldersWhoseRecordsShowNoUse(TestDatabase database) {
		try (Sandbox sandbox = Sandbox.builder().users(700).seed(7).loginDays(60).now(NOW).hideObject("Lead")
			.queryParser(SoqlParser::parse).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC),
						TestProfiles.properties(sandbox))) {
			RunResult result = app.run(TestProfiles.of("acme", sandbox).records(RecordActivityJobTests.RECORDS)
				.rules(SALES_USE, SERVICE_CLOUD).build(), RecordActivityJobTests.RUN_DATE);

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
			RecordActivityFacts facts = sandbox.org().recordActivityFacts(NOW.minus(Duration.ofDays(365)));
			Set<String> salesIdle = new TreeSet<>();
			Set<String> serviceIdle = new TreeSet<>();
			int loggedInButUnused = 0;
			for (Row user : sandbox.org().table(OrgTypes.USER).rows()) {
				if (!Boolean.TRUE.equals(user.fieldValue("IsActive"))) {
					continue;
				}
				Map<String, RecordActivityFacts.Activity> use = facts.byUser().getOrDefault(user.id(), Map.of());
				Instant created = (Instant) user.fieldValue("CreatedDate");
				Instant lastLogin = (Instant) user.fieldValue("LastLoginDate");
				if ("SFDC".equals(user.value("Profile.UserLicense.LicenseDefinitionKey"))
						&& idle(last(use, "Account", "Contact", "Opportunity"), created, 60)) {
					salesIdle.add(user.id());
					loggedInButUnused += (lastLogin != null && !idle(lastLogin, created, 30)) ? 1 : 0;
				}
				if (Boolean.TRUE.equals(user.fieldValue("UserPermissionsSupportUser"))
						&& idle(lastLogin, created, 30) && idle(last(use, "Case"), created, 90)) {
					serviceIdle.add(user.id());
				}
			}
			assertThat(loggedInButUnused).as("seats judged by use, whose holders logged in lately").isPositive();
			assertThat(candidates(app, SALES_USE.name())).isNotEmpty().isEqualTo(salesIdle);
			assertThat(candidates(app, SERVICE_CLOUD.name())).isNotEmpty().isEqualTo(serviceIdle);
			assertThat(app.jdbc().queryForList("SELECT evidence FROM reclamation_candidate WHERE rule_name = ?",
					String.class, SALES_USE.name()))
				.allMatch((evidence) -> evidence.startsWith("no record created or edited on Account, Contact,"
						+ " Opportunity since ") && evidence.contains("(threshold 60 days); "));
			assertThat(app.jdbc().queryForList("SELECT evidence FROM reclamation_candidate WHERE rule_name = ?",
					String.class, SERVICE_CLOUD.name()))
				.allMatch((evidence) -> evidence.matches("(no login since \\d{4}-\\d\\d-\\d\\d|never logged in)"
						+ " \\(threshold 30 days\\); no record created or edited on Case since .* \\(threshold 90 days\\)"));
		}
	}

	private static Set<String> candidates(JobHarness app, String rule) {
		return new TreeSet<>(app.jdbc().queryForList(
				"SELECT user_id FROM reclamation_candidate WHERE profile = 'acme' AND rule_name = ?", String.class, rule));
	}

	private static @Nullable Instant last(Map<String, RecordActivityFacts.Activity> use, String... objects) {
		Instant last = null;
		for (String object : objects) {
			RecordActivityFacts.Activity activity = use.get(object);
			if (activity != null) {
				for (Instant time : new Instant[] { activity.lastCreated(), activity.lastModified() }) {
					if (time != null && (last == null || time.isAfter(last))) {
						last = time;
					}
				}
			}
		}
		return last;
	}

	private static boolean idle(@Nullable Instant last, Instant created, int days) {
		Instant since = (last != null) ? last : created;
		return since.isBefore(NOW.minus(Duration.ofDays(days)));
	}

}
