package dev.seatkeeper.cli;

import java.io.PrintWriter;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.job.Failure;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * The process before and around Spring: the command line is parsed first, without Spring, so {@code --help},
 * {@code --version} and usage errors are answered at once without touching a database; only a valid command starts
 * the application. A failure to start (database, settings) becomes the sentences of its {@link Failure} and its exit
 * code instead of Boot's report and stack trace, which {@code --verbose} brings back.
 */
public final class Console {

	/** Read by the log layout too ({@code OneLineThrowableConverter}): stack traces only when set. */
	public static final String VERBOSE_PROPERTY = "seatkeeper.verbose";

	private Console() {
	}

	public static boolean isVerbose() {
		return Boolean.getBoolean(VERBOSE_PROPERTY);
	}

	/**
	 * @param application starts the application for a command that needs it and returns its exit code
	 * @return the process exit code
	 */
	public static int launch(String[] args, IntSupplier application) {
		if (Arrays.asList(args).contains(SeatkeeperCommandLine.VERBOSE)) {
			System.setProperty(VERBOSE_PROPERTY, "true");
		}
		Integer answered = answerWithoutApplication(args);
		if (answered != null) {
			return answered;
		}
		if (!isVerbose()) {
			// The failure is printed below as sentences; Boot's own report would repeat it with a stack trace.
			System.setProperty("logging.level.org.springframework.boot.SpringApplication", "off");
			System.setProperty("logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", "off");
			System.setProperty("logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext",
					"error");
		}
		try {
			return application.getAsInt();
		}
		catch (RuntimeException | Error ex) {
			return report(ex, new PrintWriter(System.err, true));
		}
	}

	/** Help, version and usage errors, answered from the command model alone; null when the command must run. */
	static @Nullable Integer answerWithoutApplication(String[] args) {
		CommandLine commandLine = SeatkeeperCommandLine.reachableBy(args, new ModelFactory());
		ParseResult parsed;
		try {
			parsed = commandLine.parseArgs(args);
		}
		catch (CommandLine.ParameterException ex) {
			try {
				return commandLine.getParameterExceptionHandler().handleParseException(ex, args);
			}
			catch (Exception unexpected) {
				return ExitCode.USAGE.code();
			}
		}
		if (CommandLine.printHelpIfRequested(parsed)) {
			return ExitCode.OK.code();
		}
		ParseResult leaf = parsed;
		while (leaf.hasSubcommand()) {
			leaf = leaf.subcommand();
		}
		Object command = leaf.commandSpec().userObject();
		if (!(command instanceof Callable<?>) && !(command instanceof Runnable)) {
			CommandLine named = leaf.commandSpec().commandLine();
			named.getErr().println("Missing a subcommand of '" + leaf.commandSpec().qualifiedName() + "'.");
			named.usage(named.getErr());
			return ExitCode.USAGE.code();
		}
		return null;
	}

	/** Prints a failure as its sentence (its stack trace too with --verbose) and returns its exit code. */
	static int report(Throwable failure, PrintWriter err) {
		Failure described = Failure.of(failure);
		err.println(described.message());
		if (isVerbose()) {
			failure.printStackTrace(err);
		}
		err.flush();
		return described.exitCode().code();
	}

	/**
	 * Builds command objects for their options alone: the constructor with the fewest parameters gets nulls (and
	 * zeros), as commands only keep their collaborators until {@code call()}, which this model never reaches. Plain
	 * reflection, not Spring's: help and version load no Spring class.
	 */
	private static final class ModelFactory implements CommandLine.IFactory {

		@Override
		public <K> K create(Class<K> type) throws Exception {
			if (!type.getName().startsWith("dev.seatkeeper.")) {
				return CommandLine.defaultFactory().create(type);
			}
			@SuppressWarnings("unchecked")
			Constructor<K> constructor = (Constructor<K>) Arrays.stream(type.getDeclaredConstructors())
				.min(Comparator.comparingInt(Constructor::getParameterCount))
				.orElseThrow();
			Object[] arguments = Arrays.stream(constructor.getParameterTypes())
				.map((parameter) -> parameter.isPrimitive() ? Array.get(Array.newInstance(parameter, 1), 0) : null)
				.toArray();
			constructor.setAccessible(true);
			return constructor.newInstance(arguments);
		}

	}

}
