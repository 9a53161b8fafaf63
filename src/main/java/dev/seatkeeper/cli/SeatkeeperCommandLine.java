package dev.seatkeeper.cli;

import picocli.CommandLine;

/** Builds the picocli command line with the project's exit codes for usage errors and uncaught failures. */
public final class SeatkeeperCommandLine {

	private SeatkeeperCommandLine() {
	}

	public static CommandLine create(CommandLine.IFactory factory) {
		return withExitCodes(new CommandLine(SeatkeeperCommand.class, factory));
	}

	/** Applies {@link ExitCode#USAGE} and {@link ExitCode#FAILED} to a command and all its subcommands. */
	public static CommandLine withExitCodes(CommandLine commandLine) {
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		commandLine.getCommandSpec()
			.exitCodeOnInvalidInput(ExitCode.USAGE.code())
			.exitCodeOnExecutionException(ExitCode.FAILED.code());
		commandLine.getSubcommands().values().forEach(SeatkeeperCommandLine::withExitCodes);
		return commandLine;
	}

}
