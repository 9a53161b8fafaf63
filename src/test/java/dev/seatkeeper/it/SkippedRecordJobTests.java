package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.AwkwardRecords;
import dev.seatkeeper.sandbox.org.AwkwardUsers;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.testsupport.TestDatabase;
import dev.seatkeeper.cli.SeatkeeperCommandLine;
import dev.seatkeeper.reconciliation.report.PositionReport;
import dev.seatkeeper.reconciliation.report.ReportAssembler;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import picocli.CommandLine;

/**
 * A user whose data cannot be stored (a 300-character username) is skipped with a row in {@code skipped_record} and
 * the night completes; names in three scripts and with an emoji are stored unchanged, on H2, on a utf8mb4 server
 * schema, and on schemas created latin1 and utf8mb3, which the migrations convert.
 */
@ExtendWith(OutputCaptureExtension.class)
class SkippedRecordJobTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aUserThatCannotBeStoredIsSkippedAndTheNightGoesOn(TestDatabase database, CapturedOutput output) {
		try (Sandbox sandbox = awkwardOrg();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			assertNightSkipsOneAndKeepsNames(app, sandbox);
			assertThat(output).contains("downloadSubscriptions skipped record " + ids(sandbox).get(0)
					+ ": Username is 300 characters long; Salesforce allows 80; the run goes on");

			assertThat(SeatkeeperCommandLine.create(app.bean(CommandLine.IFactory.class)).execute("status")).isZero();
			assertThat(output).containsPattern("acme\\s+2026-11-27 COMPLETED .* 1  ");
			PositionReport report = app.bean(ReportAssembler.class).profile("acme", RUN_DATE);
			assertThat(report.skippedRecords()).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "latin1", "utf8mb3" })
	void aServerWhoseDefaultIsNotUtf8mb4StoresNamesByteForByte(String characterSet) {
		try (Sandbox sandbox = awkwardOrg();
				JobHarness app = JobHarness.startOn(TestDatabase.freshServerSchema(characterSet),
						Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			assertNightSkipsOneAndKeepsNames(app, sandbox);
			List<String> hex = app.jdbc().queryForList("SELECT HEX(full_name) FROM sf_user WHERE profile = 'acme' "
					+ "AND user_id IN (?, ?) ORDER BY user_id", String.class, ids(sandbox).get(1), ids(sandbox).get(2));
			assertThat(hex).containsExactlyInAnyOrder(utf8Hex(AwkwardUsers.MIXED_SCRIPT_NAME), utf8Hex(AwkwardUsers.EMOJI_NAME));
			assertThat(app.jdbc().queryForList("SELECT DISTINCT CHARACTER_SET_NAME FROM information_schema.COLUMNS "
					+ "WHERE TABLE_SCHEMA = DATABASE() AND CHARACTER_SET_NAME IS NOT NULL AND TABLE_NAME NOT LIKE 'flyway%'",
					String.class)).containsExactly("utf8mb4");
		}
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void recordsOfEveryDownloadThatCannotBeStoredAreSkippedAndTheNightGoesOn(TestDatabase database, CapturedOutput output) {
		try (Sandbox sandbox = Sandbox.builder().users(60).seed(3).loginDays(5).now(NOW).awkwardRecords(true).build().start();
				JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), TestProfiles.properties(sandbox))) {
			AwkwardRecords.Ids awkward = sandbox.awkwardRecords();
			RunResult result = app.run(TestProfiles.of("acme", sandbox).build(), RUN_DATE);

			assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
			assertThat(app.jdbc().query("SELECT step_name, salesforce_id, field, reason FROM skipped_record "
					+ "WHERE profile = 'acme' AND job_execution_id = ?", (row, i) -> row.getString(1) + " " + row.getString(2)
							+ " " + row.getString(3) + ": " + row.getString(4), result.executionId()))
				.containsExactlyInAnyOrder(
						"downloadLicenses " + awkward.permissionSetLicense() + " DeveloperName: DeveloperName is 120 "
								+ "characters long; Salesforce allows 80",
						"downloadLicenses " + awkward.packageLicense() + " NamespacePrefix: NamespacePrefix is 20 "
								+ "characters long; Salesforce allows 15",
						"downloadSubscriptions " + awkward.userWithProfileOverLimit() + " Profile.Name: Profile.Name is 256 "
								+ "characters long; Salesforce allows 255",
						"downloadPermissionSetAssignments " + awkward.permissionSetLicenseAssignments().get(0)
								+ " PermissionSetLicense.DeveloperName: PermissionSetLicense.DeveloperName is 120 characters "
								+ "long; Salesforce allows 80",
						"downloadPermissionSetAssignments " + awkward.permissionSetLicenseAssignments().get(1)
								+ " PermissionSetLicense.DeveloperName: PermissionSetLicense.DeveloperName is 120 characters "
								+ "long; Salesforce allows 80",
						"downloadPackageAssignments " + awkward.packageAssignment() + " PackageLicense.NamespacePrefix: "
								+ "PackageLicense.NamespacePrefix is 20 characters long; Salesforce allows 15",
						"pullActivity " + awkward.login() + " Application: Application is 300 characters long; "
								+ "Salesforce allows 64",
						"downloadConsumption " + awkward.brokenDateEntitlement() + " StartDate: StartDate is not a "
								+ "Salesforce date (Text '2026-02-30' could not be parsed: Invalid date 'FEBRUARY 30')",
						"downloadConsumption " + awkward.hugeAmountEntitlement() + " AmountUsed: AmountUsed is "
								+ "1.0E+25, more than the 16 digits before the point a database column holds",
						"downloadConsumption " + awkward.longKeyEntitlement() + " Setting: Setting is "
								+ "150 characters long; Salesforce allows 120");
			assertThat(output).contains("pullActivity skipped record " + awkward.login()
					+ ": Application is 300 characters long; Salesforce allows 64; the run goes on");

			assertThat(app.count("SELECT COUNT(*) FROM login_event WHERE profile = 'acme' AND event_id = ?", awkward.login()))
				.isZero();
			assertThat(app.count("SELECT COUNT(*) FROM login_event WHERE profile = 'acme'"))
				.as("every other login stored").isEqualTo(sandbox.org().loginHistory().size() - 1);
			assertThat(app.count("SELECT COUNT(*) FROM software_model WHERE profile = 'acme' AND (identifier LIKE '%Awkward_p%'"
					+ " OR identifier LIKE '%awkwardnamespace%')")).as("neither the licenses nor their assignments").isZero();
			assertThat(app.jdbc().queryForList("SELECT metric FROM consumption WHERE profile = 'acme' AND metric LIKE 'Awkward%'",
					String.class)).isEmpty();
			assertThat(app.count("SELECT COUNT(*) FROM consumption WHERE profile = 'acme' AND source = 'USAGE_ENTITLEMENT'"))
				.as("the org's other entitlements").isEqualTo(sandbox.org().table(OrgTypes.TENANT_USAGE_ENTITLEMENT).size() - 3);
			assertThat(app.jdbc().queryForObject("SELECT profile_name FROM sf_user WHERE profile = 'acme' AND user_id = ?",
					String.class, awkward.userWithProfileAtLimit()))
				.as("255 characters with emoji, 306 UTF-16 units: stored unchanged on H2 and MySQL alike")
				.isEqualTo(AwkwardRecords.EMOJI_PROFILE_AT_LIMIT);

			assertThat(app.count("SELECT skipped_records FROM v_runs WHERE execution_id = ?", result.executionId())).isEqualTo(10);
			assertThat(SeatkeeperCommandLine.create(app.bean(CommandLine.IFactory.class)).execute("status")).isZero();
			assertThat(output).containsPattern("acme\\s+2026-11-27 COMPLETED .* 10  ");
			assertThat(app.bean(ReportAssembler.class).profile("acme", RUN_DATE).skippedRecords()).isEqualTo(10);
		}
	}

	private static void assertNightSkipsOneAndKeepsNames(JobHarness app, Sandbox sandbox) {
		List<String> ids = ids(sandbox);
		RunResult result = app.run(TestProfiles.of("acme", sandbox).build(), RUN_DATE);

		assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
		assertThat(app.count("SELECT COUNT(*) FROM sf_user WHERE profile = 'acme'")).isEqualTo(sandbox.facts().users() - 1);
		List<Map<String, Object>> skipped = app.jdbc().queryForList(
				"SELECT salesforce_id, field, step_name, reason, job_execution_id FROM skipped_record WHERE profile = 'acme'");
		assertThat(skipped).singleElement().satisfies(row -> {
			assertThat(row.get("salesforce_id")).isEqualTo(ids.get(0));
			assertThat(row.get("field")).isEqualTo("Username");
			assertThat(row.get("step_name")).isEqualTo("downloadSubscriptions");
			assertThat(row.get("reason")).isEqualTo("Username is 300 characters long; Salesforce allows 80");
			assertThat(((Number) row.get("job_execution_id")).longValue()).isEqualTo(result.executionId());
		});
		assertThat(app.count("SELECT skipped_records FROM v_runs WHERE profile = 'acme'")).isEqualTo(1);
		assertThat(app.count("SELECT COUNT(*) FROM subscription WHERE profile = 'acme' AND user_id = ?", ids.get(0)))
			.as("no subscription of the skipped user").isZero();
		assertThat(app.jdbc().queryForObject("SELECT full_name FROM sf_user WHERE profile = 'acme' AND user_id = ?",
				String.class, ids.get(1))).isEqualTo(AwkwardUsers.MIXED_SCRIPT_NAME);
		assertThat(app.jdbc().queryForObject("SELECT full_name FROM sf_user WHERE profile = 'acme' AND user_id = ?",
				String.class, ids.get(2))).isEqualTo(AwkwardUsers.EMOJI_NAME);
	}

	private static Sandbox awkwardOrg() {
		return Sandbox.builder().users(60).seed(3).loginDays(5).now(NOW).awkwardUsers(true).build().start();
	}

	/** The long username's, the mixed-script name's and the emoji's user Ids, as the sandbox holds them. */
	private static List<String> ids(Sandbox sandbox) {
		return sandbox.org().table(dev.seatkeeper.sandbox.org.OrgTypes.USER).rows().stream()
			.filter(row -> AwkwardUsers.LONG_USERNAME.equals(row.fieldValue("Username"))
					|| AwkwardUsers.MIXED_SCRIPT_NAME.equals(row.fieldValue("Name"))
					|| AwkwardUsers.EMOJI_NAME.equals(row.fieldValue("Name")))
			.map(row -> row.id())
			.toList();
	}

	private static String utf8Hex(String text) {
		return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
	}

}
