package dev.seatkeeper.cli;

import java.util.Map;

import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How wide tables may be: {@code COLUMNS} when it is set, else what picocli reads from the terminal ({@link #DEFAULT}
 * if it cannot tell). Output that goes to no terminal (a pipe, a file, a pod's log) is never wrapped, as {@code ps}
 * does, so {@code grep} and scripts see one line per row.
 */
public final class TerminalWidth {

	/** A terminal whose width cannot be read. */
	public static final int DEFAULT = 80;

	/** {@code --wide}, or no terminal: never wrap. */
	public static final int UNLIMITED = Integer.MAX_VALUE;

	private static final int NARROWEST = 40;

	private TerminalWidth() {
	}

	public static int detect() {
		return of(System.getenv(), System.console() != null);
	}

	static int of(Map<String, String> environment, boolean terminal) {
		String columns = environment.get("COLUMNS");
		if (columns != null && columns.strip().matches("\\d{1,5}")) {
			return Math.max(NARROWEST, Integer.parseInt(columns.strip()));
		}
		if (!terminal) {
			return UNLIMITED;
		}
		// picocli asks the terminal (stty) and keeps the width it was given when that fails.
		return new UsageMessageSpec().width(DEFAULT).autoWidth(true).width();
	}

}
