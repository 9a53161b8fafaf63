package dev.seatkeeper.launch;

import java.time.Duration;
import java.time.LocalDate;

import dev.seatkeeper.job.ExitCode;
import org.jspecify.annotations.Nullable;

/** How one profile's run for one date ended, as the CLI reports it. */
public record RunResult(String profile, LocalDate runDate, ExitCode exitCode, String status, @Nullable Long executionId,
		@Nullable Duration duration, String message) {

	public static RunResult notStarted(String profile, LocalDate runDate, ExitCode exitCode, String message) {
		return new RunResult(profile, runDate, exitCode, exitCode.name(), null, null, message);
	}

}
