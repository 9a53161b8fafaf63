package dev.seatkeeper.job;

import dev.seatkeeper.salesforce.ApiBudgetExhaustedException;
import dev.seatkeeper.salesforce.SalesforceApiException;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;

/**
 * Reaching the profile's API budget (or the org's own daily limit) is not a failure: the step stops at this chunk
 * boundary with what it committed, the run ends STOPPED saying why, and the next run resumes from the same keys.
 */
public final class BudgetStop {

	private BudgetStop() {
	}

	public static boolean isBudget(RuntimeException ex) {
		return ex instanceof ApiBudgetExhaustedException
				|| (ex instanceof SalesforceApiException api && api.is("REQUEST_LIMIT_EXCEEDED"));
	}

	public static void stop(StepExecution step, RuntimeException ex) {
		step.setTerminateOnly();
		step.setExitStatus(new ExitStatus(ExitStatus.STOPPED.getExitCode(),
				"API budget reached, resume with the next run: " + ex.getMessage()));
	}

}
