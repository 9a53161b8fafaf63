package dev.seatkeeper.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

/**
 * A command that prints: to its command line's output and error writers (which tests and embedding code can replace
 * with {@code CommandLine.setOut}/{@code setErr}), never to {@code System.out}. picocli's usual {@code @Spec} field
 * cannot be used here: help is answered before Spring, from the command classes alone, and picocli injects a spec
 * eagerly, which needs an instance Spring has not built. {@link SeatkeeperCommandLine} hands the writers over just
 * before {@code call()} instead.
 */
abstract class ConsoleCommand implements Callable<Integer> {

	private @Nullable PrintWriter out;

	private @Nullable PrintWriter err;

	final void printTo(PrintWriter out, PrintWriter err) {
		this.out = out;
		this.err = err;
	}

	PrintWriter out() {
		return handedOver(this.out);
	}

	PrintWriter err() {
		return handedOver(this.err);
	}

	private static PrintWriter handedOver(@Nullable PrintWriter writer) {
		if (writer == null) {
			throw new IllegalStateException("Run commands through SeatkeeperCommandLine, which hands over the writers");
		}
		return writer;
	}

}
