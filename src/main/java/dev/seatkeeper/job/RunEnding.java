package dev.seatkeeper.job;

import java.util.Comparator;
import java.util.Optional;

import dev.seatkeeper.salesforce.SalesforceApiException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * How an ended execution of the nightly job is told to operators: its exit code and its one-line reason, the same in
 * the process's exit, {@code status}, {@code v_runs} and the run log. Stateless.
 */
public final class RunEnding {

	private RunEnding() {
	}

	/** The process exit code an ended execution gives (README, "Exit codes"), also kept in {@code v_runs}. */
	public static ExitCode exitCode(JobExecution execution) {
		return switch (execution.getStatus()) {
			case COMPLETED -> ExitCode.OK;
			case STOPPED, STOPPING -> ExitCode.STOPPED;
			default -> needsConfiguration(execution) ? ExitCode.INVALID_CONFIGURATION : ExitCode.FAILED;
		};
	}

	/**
	 * Whether the run failed on something only a person can fix (the integration user lacks a permission, Salesforce
	 * refused the client or grant, the token key is wrong): relaunching will not help.
	 */
	private static boolean needsConfiguration(JobExecution execution) {
		return execution.getAllFailureExceptions().stream().anyMatch(Failure::needsConfiguration);
	}

	/** What an operator needs first: why a step did not complete, in the words of the error that caused it. */
	public static String message(JobExecution execution) {
		// A failed partition says why; its manager step only says that a partition failed.
		Optional<StepExecution> failed = execution.getStepExecutions()
			.stream()
			.filter(step -> step.getStatus() == BatchStatus.FAILED && !step.getFailureExceptions().isEmpty())
			.min(Comparator.comparing((StepExecution step) -> !step.getStepName().contains(":")));
		if (failed.isPresent()) {
			return failed.get().getStepName() + ": " + rootMessage(failed.get().getFailureExceptions().get(0));
		}
		for (StepExecution step : execution.getStepExecutions()) {
			String budget = BudgetStop.reason(step);
			if (step.getStatus() == BatchStatus.STOPPED && budget != null) {
				return step.getStepName() + ": " + firstLine(budget);
			}
		}
		return execution.getAllFailureExceptions().stream().findFirst().map(RunEnding::rootMessage)
			.orElse(execution.getExitStatus().getExitCode());
	}

	/**
	 * The innermost message: "Unable to process chunk" says less than the Salesforce error under it. A Salesforce
	 * error's own message is already written for operators (host and cause of a failed connection): the I/O error it
	 * wraps says less, so the search stops there.
	 */
	private static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		String message = failure.toString();
		while (cause != null) {
			if (cause.getMessage() != null) {
				message = cause.getMessage();
			}
			if (cause instanceof SalesforceApiException) {
				break;
			}
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		return firstLine(message);
	}

	private static String firstLine(String text) {
		int newline = text.indexOf('\n');
		return (newline < 0) ? text : text.substring(0, newline);
	}

}
