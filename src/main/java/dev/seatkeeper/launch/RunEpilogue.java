package dev.seatkeeper.launch;

import java.io.PrintWriter;

/**
 * What a feature prints after a run's step table, such as the license position the run reconciled. Beans of this
 * type are printed by the {@code run} command's summary in their declared order.
 */
public interface RunEpilogue {

	/** Prints for a terminal {@code width} columns wide. */
	void print(RunResult result, PrintWriter out, int width);

}
