package dev.seatkeeper.cli;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.job.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * Builds the picocli command line with the project's console contract: every command answers {@code -h/--help} and
 * {@code -V/--version} and accepts {@code --verbose}; usage errors exit {@link ExitCode#USAGE}; a failure prints the
 * sentences of its {@link Failure} and exits with its code, with the stack trace only under {@code --verbose}.
 */
public final class SeatkeeperCommandLine {

	static final String VERBOSE = "--verbose";

	private SeatkeeperCommandLine() {
	}

	/** The whole command line, every subcommand modelled: for running a command. */
	public static CommandLine create(CommandLine.IFactory factory) {
		return build(factory, (command) -> true);
	}

	/**
	 * The command line as far as {@code args} can reach it, for answering help, version and usage errors before
	 * anything starts: a subcommand whose name is not among the arguments cannot be reached, so it is only its name
	 * and description (what the root's help lists and a typo is matched against), not a model built by reflection on
	 * its class, its options and its own subcommands. That reflection is most of the time help takes. Argument files
	 * ({@code @file}) hide the names, so with one every subcommand is modelled.
	 */
	static CommandLine reachableBy(String[] args, CommandLine.IFactory factory) {
		List<String> words = Arrays.asList(args);
		if (words.stream().anyMatch((word) -> word.startsWith("@"))) {
			return create(factory);
		}
		return build(factory, (command) -> words.contains(command.name())
				|| Arrays.stream(command.aliases()).anyMatch(words::contains));
	}

	private static CommandLine build(CommandLine.IFactory factory, Predicate<Command> modelled) {
		CommandLine root = new CommandLine(SeatkeeperCommand.class, factory);
		for (Class<?> subcommand : SeatkeeperCommand.SUBCOMMANDS) {
			Command command = subcommand.getAnnotation(Command.class);
			root.addSubcommand(modelled.test(command) ? new CommandLine(subcommand, factory)
					: new CommandLine(nameAndDescription(command)));
		}
		return withExitCodes(root);
	}

	private static CommandSpec nameAndDescription(Command command) {
		CommandSpec spec = CommandSpec.create().name(command.name()).aliases(command.aliases());
		spec.usageMessage().header(command.header()).description(command.description()).hidden(command.hidden());
		return spec;
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
		commandLine.setExecutionStrategy(SeatkeeperCommandLine::execute);
		commandLine.getSubcommands().values().forEach(SeatkeeperCommandLine::withExitCodes);
		return commandLine;
	}

	/** Help first (it needs no command instance), then the command runs with its command line's writers. */
	private static int execute(CommandLine.ParseResult parsed) {
		Integer help = CommandLine.executeHelpRequest(parsed);
		if (help != null) {
			return help;
		}
		List<CommandLine> chain = parsed.asCommandLineList();
		CommandLine executed = chain.get(chain.size() - 1);
		if (executed.getCommand() instanceof ConsoleCommand command) {
			command.printTo(executed.getOut(), executed.getErr());
		}
		return new CommandLine.RunLast().execute(parsed);
	}

	private static int failed(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed) {
		return Console.report(failure, commandLine.getErr());
	}

}
