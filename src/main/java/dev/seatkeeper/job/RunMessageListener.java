package dev.seatkeeper.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Stores the run's operator message as the job's exit description ({@code BATCH_JOB_EXECUTION.EXIT_MESSAGE}, which
 * {@code v_runs} and {@code status} show): Spring Batch would store a stack trace whose first line says only "Unable to
 * process chunk" and whose Salesforce reason may lie past the 2,500 characters kept. Stateless.
 */
class RunMessageListener implements JobExecutionListener {

	@Override
	public void afterJob(JobExecution execution) {
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			execution.setExitStatus(new ExitStatus(execution.getExitStatus().getExitCode(), NightlyJobRunner.message(execution)));
		}
	}

}
