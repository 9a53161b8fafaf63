package dev.seatkeeper.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.seatkeeper.cli.ExitCode;
import dev.seatkeeper.cli.SeatkeeperCommandLine;
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
		try (Sandbox sandbox = command.build().start()) {
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

	private static SandboxCommand parse(String... args) {
		SandboxCommand command = new SandboxCommand();
		new CommandLine(command).parseArgs(args);
		return command;
	}

}
