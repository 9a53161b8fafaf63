package dev.seatkeeper.job;

import dev.seatkeeper.salesforce.ApiBudgetExhaustedException;
import dev.seatkeeper.salesforce.SalesforceApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;

/**
 * Reaching the profile's API budget (or the org's own daily limit, "TotalRequests Limit exceeded.") is not a failure: the step stops at this chunk
 * boundary with what it committed, the run ends STOPPED saying why, and the next run resumes from the same keys.
 */
public final class BudgetStop {

	private BudgetStop() {
	}

	public static boolean isBudget(RuntimeException ex) {
		// The concurrent-request limit also answers REQUEST_LIMIT_EXCEEDED, but it is no budget: fewer calls at once
		// get through (the transport retries them), so only the daily limit stops the run.
		return ex instanceof ApiBudgetExhaustedException || (ex instanceof SalesforceApiException api
				&& api.is("REQUEST_LIMIT_EXCEEDED") && !api.isConcurrentRequestLimit());
	}

	/** Where the reason is kept: a tasklet step's exit status is overwritten when the stop is carried out. */
	static final String REASON = "seatkeeper.budgetStop";

	public static void stop(StepExecution step, RuntimeException ex) {
		String reason = "API budget reached, resume with the next run: " + ex.getMessage();
		step.setTerminateOnly();
		step.setExitStatus(new ExitStatus(ExitStatus.STOPPED.getExitCode(), reason));
		step.getExecutionContext().putString(REASON, reason);
	}

	/** Why the step stopped for the budget, or null when it did not. */
	public static @Nullable String reason(StepExecution step) {
		return step.getExecutionContext().containsKey(REASON) ? step.getExecutionContext().getString(REASON) : null;
	}

}
