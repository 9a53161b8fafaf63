/**
 * Launching the nightly job for one profile and run date, independent of any command line: validating the run date,
 * the per-profile run lock with its heartbeat, recovering executions a killed process left, restarting failed or
 * stopped ones, and stopping gracefully on SIGTERM. Returns a {@link dev.seatkeeper.launch.RunResult}; the {@code cli}
 * package turns it into console output and the process exit code.
 */
@NullMarked
package dev.seatkeeper.launch;

import org.jspecify.annotations.NullMarked;
