package dev.seatkeeper.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builds the picocli command line with the project's console contract: every command answers {@code -h/--help} and
 * {@code -V/--version} and accepts {@code --verbose}; usage errors exit {@link ExitCode#USAGE}; a failure prints the
 * sentences of its {@link Failure} and exits with its code, with the stack trace only under {@code --verbose}.
 */
public final class SeatkeeperCommandLine {

	static final String VERBOSE = "--verbose";

	private SeatkeeperCommandLine() {
	}

	public static CommandLine create(CommandLine.IFactory factory) {
		return withExitCodes(new CommandLine(SeatkeeperCommand.class, factory));
	}

	/** Applies the console contract to a command and all its subcommands. */
	public static CommandLine withExitCodes(CommandLine commandLine) {
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		CommandSpec spec = commandLine.getCommandSpec();
		spec.mixinStandardHelpOptions(true);
		if (spec.versionProvider() == null) {
			spec.versionProvider(new VersionProvider());
		}
		if (!spec.optionsMap().containsKey(VERBOSE)) {
			spec.addOption(OptionSpec.builder(VERBOSE)
				.type(boolean.class)
				.description("On failure, print the stack trace too.")
				.build());
		}
		spec.exitCodeOnInvalidInput(ExitCode.USAGE.code()).exitCodeOnExecutionException(ExitCode.FAILED.code());
		commandLine.setExecutionExceptionHandler(SeatkeeperCommandLine::failed);
		commandLine.getSubcommands().values().forEach(SeatkeeperCommandLine::withExitCodes);
		return commandLine;
	}

	private static int failed(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed) {
		return Console.report(failure, commandLine.getErr());
	}

}
