package dev.seatkeeper.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stores how a run ended for operators: the one-line reason as the job's exit description
 * ({@code BATCH_JOB_EXECUTION.EXIT_MESSAGE}, which {@code v_runs} and {@code status} show) — Spring Batch would store
 * a stack trace whose first line says only "Unable to process chunk" and whose Salesforce reason may lie past the
 * 2,500 characters kept — and the process exit code it gives in {@code run_exit} ({@code v_runs.exit_code}).
 * Stateless; a restarted execution is a new execution with its own row.
 */
class RunMessageListener implements JobExecutionListener {

	private final JdbcClient jdbc;

	RunMessageListener(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void afterJob(JobExecution execution) {
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			execution.setExitStatus(new ExitStatus(execution.getExitStatus().getExitCode(), RunEnding.message(execution)));
		}
		this.jdbc.sql("INSERT INTO run_exit (job_execution_id, exit_code) VALUES (:execution, :code)")
			.param("execution", execution.getId())
			.param("code", RunEnding.exitCode(execution).code())
			.update();
	}

}
