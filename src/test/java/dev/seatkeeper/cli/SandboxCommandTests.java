package dev.seatkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.seatkeeper.demo.StandaloneSandbox;
import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.Permission;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SandboxCommandTests {

	@Test
	void optionsDefaultAsDocumented() {
		SandboxCommand command = parse();
		assertThat(command.users).isEqualTo(1000);
		assertThat(command.port).isEqualTo(SandboxCommand.DEFAULT_PORT);
		assertThat(command.seed).isEqualTo(42);
		assertThat(command.latencyMs).isZero();
		assertThat(command.faults).isFalse();
		assertThat(command.clientId).isEqualTo("seatkeeper-sandbox");
		assertThat(command.clientSecret).isEqualTo("sandbox-secret");
		assertThat(command.loginDays).isEqualTo(180);
	}

	@Test
	void optionsBuildTheSandboxTheyDescribe() {
		SandboxCommand command = parse("--users", "120", "--port", "0", "--seed", "7", "--latency-ms", "15", "--faults",
				"--client-id", "cid", "--client-secret", "cs", "--login-days", "30", "--api-limit", "999");
		try (Sandbox sandbox = StandaloneSandbox.build(command.options()).start()) {
			assertThat(sandbox.facts().users()).isEqualTo(120);
			assertThat(sandbox.org().spec().seed()).isEqualTo(7);
			assertThat(sandbox.org().spec().loginDays()).isEqualTo(30);
			assertThat(sandbox.port()).isPositive();
			assertThat(sandbox.clientApp().clientId()).isEqualTo("cid");
			assertThat(sandbox.faults().state().latencyMs()).isEqualTo(15);
			assertThat(sandbox.faults().state().chaos()).isTrue();
			assertThat(sandbox.apiUsage().max()).isEqualTo(999);
		}
	}

	@Test
	void badOptionsExitWithTheUsageCodeAndHelpListsTheOptions() {
		StringWriter err = new StringWriter();
		CommandLine commandLine = SandboxCommand.commandLine();
		commandLine.setErr(new PrintWriter(err));
		assertThat(commandLine.execute("--users", "many")).isEqualTo(ExitCode.USAGE.code());
		StringWriter out = new StringWriter();
		CommandLine help = SandboxCommand.commandLine();
		help.setOut(new PrintWriter(out));
		assertThat(help.execute("--help")).isZero();
		assertThat(out.toString()).contains("--users", "--port", "--seed", "--latency-ms", "--faults", "--client-id",
				"--client-secret", "--login-days");
	}

	@Test
	void theRootCommandListsTheSandbox() {
		assertThat(SeatkeeperCommandLine.create(CommandLine.defaultFactory()).getSubcommands()).containsKey(SandboxCommand.NAME);
	}

	@Test
	void theSandboxCommandTakesHiddenFieldsAndWithheldPermissions() {
		SandboxCommand command = new picocli.CommandLine(new SandboxCommand()).parseArgs("--users", "50", "--port", "0",
				"--hide-field", "User.UserPermissionsMarketingUser", "--withhold-permission", "ManageUsers",
				"--withhold-permission", "MonitorLoginHistory")
			.commandSpec()
			.commandLine()
			.getCommand();
		try (Sandbox sandbox = StandaloneSandbox.build(command.options()).start()) {
			assertThat(sandbox.org().runAs().sees("User", "UserPermissionsMarketingUser")).isFalse();
			assertThat(sandbox.org().runAs().canRead("LoginHistory")).isFalse();
			assertThat(sandbox.org().runAs().has(Permission.VIEW_SETUP)).isTrue();
		}
	}

	private static SandboxCommand parse(String... args) {
		SandboxCommand command = new SandboxCommand();
		new CommandLine(command).parseArgs(args);
		return command;
	}

}
