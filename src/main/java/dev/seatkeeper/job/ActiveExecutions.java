package dev.seatkeeper.job;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * The job executions alive in this process, so a graceful stop reaches exactly them and recovery never mistakes a
 * live execution for a dead one. Registered as a job listener; thread-safe.
 *
 * <p>A stop is signalled on the live execution objects, which the job's threads read at every chunk boundary and
 * before every step: the job is marked STOPPING and each running step (partition workers included) terminate-only.
 * Not through {@code JobOperator.stop}: from another thread, Spring Batch 6.0 releases the running step's context
 * there, which closes its step-scoped reader while a page request is in flight, and the run ended FAILED instead of
 * STOPPED; it also writes the running step's row from a second thread (spring-batch#5308).
 */
public class ActiveExecutions implements JobExecutionListener {

	private final Map<Long, JobExecution> executions = new ConcurrentHashMap<>();

	@Override
	public void beforeJob(JobExecution execution) {
		this.executions.put(execution.getId(), execution);
	}

	@Override
	public void afterJob(JobExecution execution) {
		this.executions.remove(execution.getId());
	}

	public boolean contains(long executionId) {
		return this.executions.containsKey(executionId);
	}

	boolean isEmpty() {
		return this.executions.isEmpty();
	}

	/** Asks every live execution to stop at its next chunk boundary; the executions asked. */
	public List<JobExecution> stopAll() {
		List<JobExecution> asked = List.copyOf(this.executions.values());
		for (JobExecution execution : asked) {
			execution.setStatus(BatchStatus.STOPPING);
			for (StepExecution step : execution.getStepExecutions()) {
				if (step.getStatus().isRunning()) {
					step.setTerminateOnly();
				}
			}
		}
		return asked;
	}

}
