package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.cli.SeatkeeperCommandLine;
import dev.seatkeeper.cli.StatusCommand;
import dev.seatkeeper.profile.Entitlement;
import dev.seatkeeper.profile.Entitlement.BillingPeriod;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.Permission;
import dev.seatkeeper.sandbox.org.RunAsUser;
import dev.seatkeeper.sandbox.soql.SoqlParser;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orgs as real ones are set up: fields an org lacks or field-level security hides, and an integration user without
 * every permission. The run copes where it can, fails at {@code connect} with one message naming each missing
 * permission where it cannot, and every message keeps Salesforce's reason. What Salesforce answers
 * is tested on H2; the failed run's stored message on H2 and on the MySQL-compatible server.
 */
class IntegrationUserAccessJobTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	static final String KNOWLEDGE = "UserPermissionsKnowledgeUser";

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void anOrgWithoutAFeatureFlagRunsAndShowsThatFeatureAsNotInTheOrg(TestDatabase database) {
		try (Sandbox sandbox = sandbox(b -> b.hideField("User", KNOWLEDGE)); JobHarness app = start(database, sandbox)) {
			Entitlement knowledge = new Entitlement("FeatureLicense:KnowledgeUser", "Knowledge", 20,
					new BigDecimal("10"), "USD", BillingPeriod.MONTHLY, null, null);

			RunResult result = app.run(TestProfiles.of("acme", sandbox).entitlements(knowledge).build(), RUN_DATE);

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
			GroundTruth.assertTablesMatch(app.jdbc(), "acme", sandbox);
			assertThat(requests(sandbox, "/services/data/v62.0/sobjects/User/describe")).as("User described once a run")
				.isEqualTo(1);
			assertThat(sandbox.requests().entries()).noneSatisfy(entry -> assertThat(entry.pathAndQuery()).contains(KNOWLEDGE));
			assertThat(app.count("SELECT COUNT(*) FROM software_model WHERE profile = 'acme' AND identifier = ?",
					"FeatureLicense:KnowledgeUser")).isZero();
			assertThat(app.count("SELECT COUNT(*) FROM software_model WHERE profile = 'acme' AND identifier = ?",
					"FeatureLicense:SupportUser")).isOne();
			assertThat(app.jdbc().queryForObject("SELECT status FROM license_position WHERE profile = 'acme' AND model = ?",
					String.class, "FeatureLicense:KnowledgeUser")).isEqualTo("NOT_IN_ORG");
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aFieldHiddenAfterConnectFailsTheRunWithSalesforcesReasonInEveryMessage(TestDatabase database) {
		// An administrator takes Email away from the integration user (field-level security) after connect looked.
		RunAsUser emailHidden = RunAsUser.administrator().hideField("User", "Email");
		try (Sandbox sandbox = sandbox(b -> b.queryParser((soql, schema) -> SoqlParser.parse(soql,
				soql.startsWith("SELECT Id, Username, Email") ? emailHidden.schema(schema) : schema)));
				JobHarness app = start(database, sandbox)) {

			RunResult result = app.run(TestProfiles.of("acme", sandbox).build(), RUN_DATE);

			assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
			String reason = "INVALID_FIELD (HTTP 400): No such column 'Email' on entity 'User'.";
			assertThat(result.message()).startsWith("downloadSubscriptions: " + reason).contains("ERROR at Row:1:Column:");
			String stored = app.jdbc().queryForObject("SELECT exit_message FROM v_runs WHERE profile = 'acme'", String.class);
			assertThat(stored).contains(reason);
			assertThat(status(app)).contains(reason);
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void missingPermissionsFailConnectWithOneMessageNamingEachAndNothingIsWritten(TestDatabase database) {
		try (Sandbox sandbox = sandbox(b -> b.withhold(Permission.MANAGE_USERS, Permission.MONITOR_LOGIN_HISTORY,
				Permission.MANAGE_PACKAGE_LICENSES)); JobHarness app = start(database, sandbox)) {
			Rule users = new Rule("dormant-users", List.of("user-license"), 60, false, 0, Action.DEACTIVATE, false);
			Rule packages = new Rule("idle-packages", List.of("package-license"), 60, false, 0,
					Action.REMOVE_PACKAGE_LICENSE, false);

			RunResult result = app.run(TestProfiles.of("acme", sandbox).rules(users, packages).mode(Mode.ENFORCE)
				.caps(1000, 1.0).build(), RUN_DATE);

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.INVALID_CONFIGURATION);
			assertThat(result.message()).startsWith("connect: The integration user lacks what profile 'acme' needs: ")
				.contains("LoginHistory, read by pullActivity (grant Manage Users or Monitor Login History)")
				.contains("User.IsActive, updated by rule 'dormant-users' (DEACTIVATE) (grant Manage Users)")
				.contains("UserPackageLicense, deleted by rule 'idle-packages' (REMOVE_PACKAGE_LICENSE) (grant Manage Package Licenses)")
				.contains("nothing was written")
				.doesNotContain("UserLicense,");
			for (String table : List.of("software_model", "sf_user", "subscription", "login_event", "consumption")) {
				assertThat(app.count("SELECT COUNT(*) FROM " + table + " WHERE profile = 'acme'")).as(table).isZero();
			}
			assertThat(sandbox.requests().entries()).noneSatisfy(entry -> assertThat(entry.pathAndQuery())
				.containsAnyOf("FROM+LoginHistory", "/composite/"));
			assertThat(sandbox.org().writer().journal().entries()).isEmpty();
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void monitorLoginHistoryWithoutManageUsersIsEnoughToDetect(TestDatabase database) {
		try (Sandbox sandbox = sandbox(b -> b.withhold(Permission.MANAGE_USERS)); JobHarness app = start(database, sandbox)) {
			Rule users = new Rule("dormant-users", List.of("user-license"), 60, false, 0, Action.DEACTIVATE, false);

			RunResult result = app.run(TestProfiles.of("acme", sandbox).rules(users).build(), RUN_DATE);

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
			GroundTruth.assertTablesMatch(app.jdbc(), "acme", sandbox);
		}
	}

	private static String status(JobHarness app) {
		StringWriter out = new StringWriter();
		picocli.CommandLine status = SeatkeeperCommandLine
			.withExitCodes(new picocli.CommandLine(new StatusCommand(JdbcClient.create(app.jdbc()))));
		status.setOut(new PrintWriter(out, true));
		assertThat(status.execute()).isZero();
		return out.toString();
	}

	private static Sandbox sandbox(Consumer<Sandbox.Builder> options) {
		Sandbox.Builder builder = Sandbox.builder().users(300).seed(17).loginDays(30).now(NOW);
		options.accept(builder);
		return builder.build().start();
	}

	private static JobHarness start(TestDatabase database, Sandbox sandbox) {
		return JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox));
	}

	private static long requests(Sandbox sandbox, String pathPrefix) {
		return sandbox.requests().entries().stream().filter(entry -> entry.pathAndQuery().startsWith(pathPrefix)).count();
	}

}
