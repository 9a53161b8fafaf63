package dev.seatkeeper.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.seatkeeper.cli.SeatkeeperCommandLine;
import picocli.CommandLine;

/**
 * How long every command and subcommand takes to answer {@code --help} and {@code --version}, started as the README
 * starts it ({@code java -jar target/seatkeeper.jar}), one process per answer: the console contract promises under
 * a second. The commands are read from the picocli tree, so a new one is timed without being listed here. Prints
 * the median and the fastest of {@code runs} starts and the exit codes; asserts nothing.
 */
final class HelpTimes {

	private static final Duration PROMISED = Duration.ofSeconds(1);

	private HelpTimes() {
	}

	static void print(Path java, Path jar, int runs, PrintStream out) throws IOException, InterruptedException {
		List<List<String>> commands = new ArrayList<>();
		collect(SeatkeeperCommandLine.create(CommandLine.defaultFactory()), new ArrayList<>(), commands);
		out.printf("%nHelp and version: java -jar %s COMMAND --help|--version, %d starts each, load average %.1f%n",
				jar.getFileName(), runs, CpuTime.loadAverage());
		out.printf("%-22s %18s %18s %s%n", "command", "--help median/min", "--version med/min", "exit codes");
		int over = 0;
		for (List<String> command : commands) {
			List<Duration> help = new ArrayList<>();
			List<Duration> version = new ArrayList<>();
			TreeSet<Integer> exitCodes = new TreeSet<>();
			for (int run = 0; run < runs; run++) {
				help.add(time(java, jar, command, "--help", exitCodes));
				version.add(time(java, jar, command, "--version", exitCodes));
			}
			over += (median(help).compareTo(PROMISED) > 0 ? 1 : 0) + (median(version).compareTo(PROMISED) > 0 ? 1 : 0);
			out.printf("%-22s %18s %18s %s%n", command.isEmpty() ? "(seatkeeper)" : String.join(" ", command),
					seconds(help), seconds(version), exitCodes);
		}
		out.printf("%d of %d answers took over %d s (median)%n", over, 2 * commands.size(), PROMISED.toSeconds());
	}

	private static void collect(CommandLine commandLine, List<String> path, List<List<String>> into) {
		into.add(List.copyOf(path));
		for (Map.Entry<String, CommandLine> subcommand : commandLine.getSubcommands().entrySet()) {
			path.add(subcommand.getKey());
			collect(subcommand.getValue(), path, into);
			path.remove(path.size() - 1);
		}
	}

	private static Duration time(Path java, Path jar, List<String> command, String option, TreeSet<Integer> exitCodes)
			throws IOException, InterruptedException {
		List<String> arguments = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
		arguments.addAll(command);
		arguments.add(option);
		long started = System.nanoTime();
		Process process = new ProcessBuilder(arguments).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		exitCodes.add(process.waitFor());
		return Duration.ofNanos(System.nanoTime() - started);
	}

	private static Duration median(List<Duration> times) {
		List<Duration> sorted = new ArrayList<>(times);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static String seconds(List<Duration> times) {
		return String.format("%.2f / %.2f s", median(times).toMillis() / 1000.0,
				Collections.min(times).toMillis() / 1000.0);
	}

}
