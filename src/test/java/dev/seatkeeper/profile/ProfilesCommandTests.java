package dev.seatkeeper.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.seatkeeper.cli.ExitCode;
import dev.seatkeeper.cli.SeatkeeperCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;
import picocli.CommandLine;

@SpringBootTest
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ProfilesCommandTests {

	@Autowired
	CommandLine.IFactory factory;

	@Test
	void validateAcceptsTheShippedProfiles(CapturedOutput output) {
		int exit = SeatkeeperCommandLine.create(this.factory).execute("profiles", "validate", "--profiles-dir", "jobs/profiles");
		assertThat(exit).isEqualTo(ExitCode.OK.code());
		assertThat(output).contains("ok       demo").contains("ok       example-acme").contains("2 valid, 0 problems");
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
