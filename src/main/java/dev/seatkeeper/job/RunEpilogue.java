package dev.seatkeeper.job;

import java.io.PrintStream;

/**
 * What a feature prints after a run's step table, such as the license position the run reconciled. Beans of this
 * type are picked up by {@link RunReport} in their declared order.
 */
public interface RunEpilogue {

	void print(RunResult result, PrintStream out);

}
