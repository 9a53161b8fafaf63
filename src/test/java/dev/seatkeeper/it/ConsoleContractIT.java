package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The console contract of the packaged jar, as a new operator meets it: help and version answered without a database,
 * failures in one or two sentences with the exit code that says whether to retry, and no stack trace unless
 * {@code --verbose}.
 */
class ConsoleContractIT {

	/** Nothing listens on port 1: a command that touched the database would fail instead of answering. */
	static final Map<String, String> NO_DATABASE = Map.of("SPRING_DATASOURCE_URL", "jdbc:mysql://127.0.0.1:1/nowhere");

	static final List<List<String>> COMMANDS = List.of(List.of(), List.of("run"), List.of("status"), List.of("report"),
			List.of("profiles"), List.of("profiles", "validate"), List.of("auth"), List.of("auth", "login"),
			List.of("migrate"), List.of("candidates"), List.of("candidates", "list"), List.of("candidates", "approve"),
			List.of("candidates", "reject"), List.of("candidates", "preview"), List.of("sandbox"), List.of("k8s"),
			List.of("k8s", "render"));

	@TempDir
	Path work;

	/**
	 * Without Spring: with the database unreachable, a command that started the application would fail, so exit 0 and
	 * no database file prove it (how fast help is, the benchmark prints: HelpTimes). {@code -h} and {@code --help} are
	 * one option, so each command answers one of them, every other command the short one: one process per command.
	 */
	@Test
	void everyCommandAnswersHelpAndVersionWithoutStartingSpringOrTouchingADatabase() throws Exception {
		for (int i = 0; i < COMMANDS.size(); i++) {
			List<String> command = COMMANDS.get(i);
			String option = (i % 2 == 0) ? "--help" : "-h";
			JarCommand.Result help = JarCommand.run(this.work, NO_DATABASE, arguments(command, option));

			assertThat(help.exitCode()).as("%s %s: %s", command, option, help).isZero();
			assertThat(help.out()).as("%s %s", command, option).startsWith("Usage: seatkeeper").contains("--verbose");
			assertThat(help.err()).as("%s %s", command, option).isEmpty();
		}
		JarCommand.Result version = JarCommand.run(this.work, NO_DATABASE, "run", "--version");
		assertThat(version.out()).as(version.toString()).startsWith("seatkeeper ");
		assertThat(version.exitCode()).isZero();
		assertThat(this.work.resolve("home")).as("no database file created").doesNotExist();
	}

	@Test
	void usageErrorsAreAnsweredWithoutADatabaseAndExit64() throws Exception {
		JarCommand.Result unknown = JarCommand.run(this.work, NO_DATABASE, "run", "--profile", "demo", "--bogus");
		JarCommand.Result missing = JarCommand.run(this.work, NO_DATABASE, "candidates");

		assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCode.USAGE.code());
		assertThat(unknown.err()).contains("Unknown option: '--bogus'").contains("Usage: seatkeeper run");
		assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCode.USAGE.code());
		assertThat(missing.err()).contains("Missing a subcommand of 'seatkeeper candidates'");
	}

	@Test
	void anUnreachableDatabaseIsOneSentenceNamingHostAndCauseExit1AndTheTraceOnlyWithVerbose() throws Exception {
		JarCommand.Result refused = JarCommand.run(this.work, NO_DATABASE, "status");
		JarCommand.Result unknownHost = JarCommand.run(this.work,
				Map.of("SPRING_DATASOURCE_URL", "jdbc:mysql://no-such-host.invalid:3306/seatkeeper"), "status");
		JarCommand.Result verbose = JarCommand.run(this.work, NO_DATABASE, "status", "--verbose");

		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.FAILED.code());
		assertThat(lastLine(refused.err())).startsWith("Cannot connect to the database at 127.0.0.1:1 (database 'nowhere'):"
				+ " the connection was refused");
		assertNoStackTrace(refused);
		assertThat(unknownHost.exitCode()).as(unknownHost.toString()).isEqualTo(ExitCode.FAILED.code());
		assertThat(lastLine(unknownHost.err())).contains("no-such-host.invalid:3306").contains("does not resolve (DNS)");
		assertNoStackTrace(unknownHost);
		assertThat(verbose.err()).as(verbose.toString()).contains("\tat ").contains("Cannot connect to the database");
	}

	@Test
	void anUnknownDatabaseOrAWrongUserIsConfigurationExit2() throws Exception {
		DriverManagerDataSource server = TestDatabase.SERVER.freshShared(this.work);
		String url = server.getUrl();
		String unknownDatabase = url.replaceFirst("/([A-Za-z0-9_]+)(\\?|$)", "/sk_no_such_database$2");

		JarCommand.Result unknown = JarCommand.run(this.work, Map.of("SPRING_DATASOURCE_URL", unknownDatabase,
				"SPRING_DATASOURCE_USERNAME", server.getUsername(), "SPRING_DATASOURCE_PASSWORD", server.getPassword()),
				"status");
		JarCommand.Result denied = JarCommand.run(this.work, Map.of("SPRING_DATASOURCE_URL", url,
				"SPRING_DATASOURCE_USERNAME", "seatkeeper_nobody", "SPRING_DATASOURCE_PASSWORD", "wrong"), "status");

		assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
		assertThat(lastLine(unknown.err())).contains("has no such database").contains("sk_no_such_database")
			.contains("create it, or fix SPRING_DATASOURCE_URL");
		assertNoStackTrace(unknown);
		assertThat(denied.exitCode()).as(denied.toString()).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
		assertThat(lastLine(denied.err())).contains("refused the user").contains("Access denied")
			.contains("SPRING_DATASOURCE_USERNAME");
		assertNoStackTrace(denied);
	}

	@Test
	void aMalformedTokenKeyStopsOnlyWhatStoresTokensAndAuthLoginChecksBeforeTheBrowser() throws Exception {
		try (Sandbox sandbox = Sandbox.builder().users(20).loginDays(2).build().start()) {
			Path profiles = JobProcess.writeProfile(this.work, "cc", sandbox, 1);
			Files.writeString(profiles.resolve("rt.yaml"), """
					name: rt
					status: published
					salesforce:
					  loginUrl: %s
					  allowLoopback: true
					  auth: {flow: refresh-token, clientId: %s, clientSecret: "${%s}"}
					""".formatted(sandbox.baseUrl(), sandbox.clientApp().clientId(), TestProfiles.SECRET_VARIABLE));
			Map<String, String> badKey = Map.of("SEATKEEPER_TOKEN_ENCRYPTION_KEY", "c2hvcnQ=", TestProfiles.SECRET_VARIABLE,
					sandbox.clientApp().clientSecret(), "SEATKEEPER_PROFILES_DIR", profiles.toString());

			JarCommand.Result status = JarCommand.run(this.work, badKey, "status");
			JarCommand.Result refreshLogin = JarCommand.run(this.work, badKey, "auth", "login", "--profile", "rt");
			JarCommand.Result clientCredentialsLogin = JarCommand.run(this.work, badKey, "auth", "login", "--profile", "cc");

			assertThat(status.exitCode()).as(status.toString()).isZero();
			assertThat(status.out()).contains("No runs yet.");
			assertThat(refreshLogin.exitCode()).as(refreshLogin.toString()).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
			assertThat(refreshLogin.err()).contains("token encryption key (SEATKEEPER_TOKEN_ENCRYPTION_KEY) must decode to"
					+ " 32 bytes (AES-256), got 5");
			assertThat(refreshLogin.out()).doesNotContain("/services/oauth2/authorize");
			assertNoStackTrace(refreshLogin);
			assertThat(clientCredentialsLogin.exitCode()).as(clientCredentialsLogin.toString())
				.isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
			assertThat(clientCredentialsLogin.err()).contains("uses the client-credentials flow, which needs no login");
			assertThat(clientCredentialsLogin.out()).doesNotContain("/services/oauth2/authorize");
		}
	}

	@Test
	void connectionAndCredentialFailuresOfARunSayWhyAndV_runsKeepsTheExitCodeAndOneLine() throws Exception {
		try (Sandbox sandbox = Sandbox.builder().users(20).loginDays(2).build().start()) {
			Path profiles = JobProcess.writeProfile(this.work, "wrong-secret", sandbox, 1);
			Files.writeString(profiles.resolve("unreachable.yaml"), """
					name: unreachable
					status: published
					salesforce:
					  loginUrl: http://127.0.0.1:9
					  allowLoopback: true
					  auth: {flow: client-credentials, clientId: x, clientSecret: "${%s}"}
					""".formatted(TestProfiles.SECRET_VARIABLE));
			Map<String, String> environment = Map.of(TestProfiles.SECRET_VARIABLE, "not-the-secret",
					"SEATKEEPER_PROFILES_DIR", profiles.toString());

			JarCommand.Result unreachable = JarCommand.run(this.work, environment, "run", "--profile", "unreachable");
			JarCommand.Result refused = JarCommand.run(this.work, environment, "run", "--profile", "wrong-secret");

			assertThat(unreachable.exitCode()).as(unreachable.toString()).isEqualTo(ExitCode.FAILED.code());
			assertThat(unreachable.out()).contains("Cannot reach the Salesforce token endpoint"
					+ " http://127.0.0.1:9/services/oauth2/token of profile 'unreachable': the connection was refused");
			assertNoStackTrace(unreachable);
			assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
			assertThat(refused.out()).contains("invalid_client");
			assertNoStackTrace(refused);

			DriverManagerDataSource database = embeddedDatabase();
			try {
				List<Map<String, Object>> runs = new JdbcTemplate(database)
					.queryForList("SELECT profile, status, exit_code, exit_message FROM v_runs ORDER BY execution_id");
				assertThat(runs).extracting(row -> row.get("profile") + " " + row.get("status") + " " + row.get("exit_code"))
					.containsExactly("unreachable FAILED 1", "wrong-secret FAILED 2");
				assertThat(runs).extracting(row -> row.get("exit_message").toString())
					.allSatisfy(message -> assertThat(message).doesNotContain("\n").doesNotContain("Exception"));
			}
			finally {
				TestDatabase.closeShared(database);
			}
		}
	}

	@Test
	void aDraftIsValidatedAsIfPublishedAndRunningItByNameIsRefusedBeforeAnyJobExists() throws Exception {
		Path profiles = Files.createDirectories(this.work.resolve("profiles"));
		Files.writeString(profiles.resolve("new-org.yaml"), """
				name: new-org
				status: draft
				salesforce:
				  loginUrl: https://acme.my.salesforce.com
				  auth: {flow: client-credentials, clientId: x, clientSecret: "${SF_NEW_ORG_SECRET_UNSET}"}
				""");
		Map<String, String> environment = Map.of("SEATKEEPER_PROFILES_DIR", profiles.toString());

		JarCommand.Result validate = JarCommand.run(this.work, environment, "profiles", "validate");
		JarCommand.Result run = JarCommand.run(this.work, environment, "run", "--profile", "new-org");

		assertThat(validate.exitCode()).as(validate.toString()).isZero();
		assertThat(validate.out()).containsPattern("draft\\s+new-org\\s+draft")
			.contains("draft: would be invalid when published: " + profiles.resolve("new-org.yaml")
					+ ": salesforce.auth.clientSecret: environment variable SF_NEW_ORG_SECRET_UNSET is not set");
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
		assertThat(run.err()).contains("draft: would be invalid when published:").contains("Nothing was run.");
		assertNoStackTrace(run);
		DriverManagerDataSource database = embeddedDatabase();
		try {
			assertThat(new JdbcTemplate(database).queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class))
				.isZero();
		}
		finally {
			TestDatabase.closeShared(database);
		}
	}

	private DriverManagerDataSource embeddedDatabase() {
		return new DriverManagerDataSource("jdbc:h2:file:" + this.work.resolve("home/db/seatkeeper").toAbsolutePath()
				+ ";AUTO_SERVER=TRUE;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE",
				"sa", "");
	}

	static String[] arguments(List<String> command, String... more) {
		return java.util.stream.Stream.concat(command.stream(), java.util.Arrays.stream(more)).toArray(String[]::new);
	}

	static void assertNoStackTrace(JarCommand.Result result) {
		assertThat(result.err() + result.out()).as(result.toString()).doesNotContain("\tat ").doesNotContain("Caused by:");
	}

	static String lastLine(String text) {
		List<String> lines = text.strip().lines().toList();
		return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
	}

}
