package dev.seatkeeper.launch;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * Which run dates may run. A run reads Salesforce as it is now whatever its date, so a new job instance may only be
 * today's (UTC) or yesterday's (a CronJob that started after midnight); an earlier date may only restart a FAILED or
 * STOPPED instance of that date, and a later one never runs: it would file today's figures under a future date and
 * stay the report's "latest" for ever. Profiles on the embedded sandbox org simulate nights on a clock of their own
 * and may run any date the database can store. Stateless and thread-safe.
 */
final class RunDates {

	/** MySQL's DATE range, which the job repository and our tables store run dates in. */
	private static final LocalDate FIRST = LocalDate.of(1000, 1, 1);

	private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

	private RunDates() {
	}

	/** Why a run of this date may not start at all (before any database work), or null. */
	static @Nullable String refusalBeforeLookup(LocalDate runDate, LocalDate today, boolean embeddedSandbox) {
		if (runDate.isBefore(FIRST) || runDate.isAfter(LAST)) {
			return "run date " + runDate + " is outside the dates the database can store (" + FIRST + " to " + LAST
					+ "); give a date such as " + today + ", or no --run-date for today.";
		}
		if (!embeddedSandbox && runDate.isAfter(today)) {
			return "run date " + runDate + " is after today (" + today + ", UTC): a run reads Salesforce as it is now, "
					+ "so it would file today's figures as the latest position; run without --run-date.";
		}
		return null;
	}

	/** Why a run of a date before yesterday may not start, given the last execution of that date, or null. */
	static @Nullable String refusalOfPastDate(LocalDate runDate, LocalDate today, @Nullable JobExecution last,
			boolean embeddedSandbox) {
		if (embeddedSandbox || !runDate.isBefore(today.minusDays(1))) {
			return null;
		}
		if (last != null && (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED
				|| last.getStatus() == BatchStatus.COMPLETED)) {
			// A restart of that night, or the "already completed" answer.
			return null;
		}
		return "run date " + runDate + " has no failed or stopped run to restart, and a new run may only be today's ("
				+ today + ", UTC) or yesterday's: a run reads Salesforce as it is now, so an earlier date would file "
				+ "today's figures under it.";
	}

}
