package dev.seatkeeper.job;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * The job executions alive in this process, so a graceful stop reaches exactly them and recovery never mistakes a
 * live execution for a dead one. Registered as a job listener; thread-safe.
 */
public class ActiveExecutions implements JobExecutionListener {

	private final Set<Long> ids = ConcurrentHashMap.newKeySet();

	@Override
	public void beforeJob(JobExecution execution) {
		this.ids.add(execution.getId());
	}

	@Override
	public void afterJob(JobExecution execution) {
		this.ids.remove(execution.getId());
	}

	boolean contains(long executionId) {
		return this.ids.contains(executionId);
	}

	boolean isEmpty() {
		return this.ids.isEmpty();
	}

}
