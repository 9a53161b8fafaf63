package dev.seatkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.seatkeeper.job.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import picocli.CommandLine;

@SpringBootTest
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ProfilesCommandTests {

	@Autowired
	CommandLine.IFactory factory;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void validateAcceptsTheShippedProfiles(CapturedOutput output) {
		int exit = SeatkeeperCommandLine.create(this.factory).execute("profiles", "validate", "--profiles-dir", "jobs/profiles");
		assertThat(exit).isEqualTo(ExitCode.OK.code());
		assertThat(output).contains("ok       demo")
			.contains("draft    example-acme")
			.contains("draft: would be invalid when published: jobs/profiles/example-acme.yaml: salesforce.auth.clientSecret:"
					+ " environment variable SF_ACME_CLIENT_SECRET is not set")
			.contains("2 valid, 0 problems, ");
	}

	@Test
	void aDraftIsCheckedAsIfPublishedAndRunByNameOnlyWhenItWouldBeValid(@TempDir Path directory, CapturedOutput output)
			throws IOException {
		Files.writeString(directory.resolve("trial.yaml"), """
				name: trial
				status: draft
				salesforce:
				  loginUrl: https://trial.my.salesforce.com
				  auth: {flow: client-credentials, clientId: abc, clientSecret: "${SF_TRIAL_SECRET_NEVER_SET}"}
				""");
		Integer executionsBefore = this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class);

		int validate = SeatkeeperCommandLine.create(this.factory)
			.execute("profiles", "validate", "--profiles-dir", directory.toString());
		int run = SeatkeeperCommandLine.create(this.factory)
			.execute("run", "--profile", "trial", "--profiles-dir", directory.toString());

		assertThat(validate).as("a draft is not in service: validation still passes").isEqualTo(ExitCode.OK.code());
		assertThat(run).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
		String problem = "draft: would be invalid when published: " + directory.resolve("trial.yaml")
				+ ": salesforce.auth.clientSecret: environment variable SF_TRIAL_SECRET_NEVER_SET is not set";
		assertThat(output.getOut()).contains("draft    trial").contains(problem).contains("1 valid, 0 problems, 1 more once drafts are published");
		assertThat(output.getErr()).contains(problem).contains("Nothing was run.");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class))
			.as("no execution recorded").isEqualTo(executionsBefore);
	}

	@Test
	void validateExitsWithInvalidConfigurationAndNamesFileAndField(@TempDir Path directory, CapturedOutput output)
			throws IOException {
		Files.writeString(directory.resolve("bad.yaml"), "name: bad\nstatus: published\nsalesforce: {sandbox: {users: zero}}\n");
		int exit = SeatkeeperCommandLine.create(this.factory)
			.execute("profiles", "validate", "--profiles-dir", directory.toString());
		assertThat(exit).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
		assertThat(output).contains("invalid  " + directory.resolve("bad.yaml") + ": salesforce.sandbox.users: must be a whole number");
	}

	@Test
	void validateRefusesClientCredentialsOnAGenericLoginHost(@TempDir Path directory, CapturedOutput output)
			throws IOException {
		Files.writeString(directory.resolve("acme.yaml"), """
				name: acme
				status: draft
				salesforce:
				  loginUrl: https://login.salesforce.com
				  auth: {flow: client-credentials, clientId: abc, clientSecret: "${SF_ACME_SECRET}"}
				""");
		int exit = SeatkeeperCommandLine.create(this.factory)
			.execute("profiles", "validate", "--profiles-dir", directory.toString());
		assertThat(exit).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
		assertThat(output).contains("salesforce.loginUrl: the client credentials flow works only on the org's My Domain;"
				+ " use https://<domain>.my.salesforce.com");
	}

	@Test
	void runRefusesAProfileWithADuplicateKeyAndRunsNothing(@TempDir Path directory, CapturedOutput output)
			throws IOException {
		Files.writeString(directory.resolve("twice.yaml"), """
				name: twice
				status: published
				salesforce: {sandbox: {users: 10}}
				reclamation:
				  mode: detect
				  mode: enforce
				""");
		int exit = SeatkeeperCommandLine.create(this.factory)
			.execute("run", "--profile", "twice", "--profiles-dir", directory.toString());
		assertThat(exit).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
		assertThat(output).contains(directory.resolve("twice.yaml") + ":6: reclamation.mode: duplicate key (first on line 5)")
			.contains("Nothing was run.")
			.doesNotContain("Exception");
	}

	@Test
	void anUnknownSubcommandIsAUsageError() {
		assertThat(SeatkeeperCommandLine.create(this.factory).execute("profiles", "bogus")).isEqualTo(ExitCode.USAGE.code());
	}

}
