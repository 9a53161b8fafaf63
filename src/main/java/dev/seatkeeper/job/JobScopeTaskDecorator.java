package dev.seatkeeper.job;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.core.task.TaskDecorator;

/**
 * Lets a task on another thread (a partition of {@code pullActivity}) use job-scoped beans such as
 * {@link RunContext}: Spring Batch keeps the job scope in a thread-local, which worker threads do not inherit. The
 * task sees the same job context, so the same bean instances, as the thread that runs the job. Thread-safe.
 */
public class JobScopeTaskDecorator implements TaskDecorator {

	private final JobExecution execution;

	public JobScopeTaskDecorator(JobExecution execution) {
		this.execution = execution;
	}

	/** For the job execution the current thread runs. */
	public static JobScopeTaskDecorator current() {
		var context = JobSynchronizationManager.getContext();
		if (context == null) {
			throw new IllegalStateException("No job execution on this thread: build the executor in job scope");
		}
		return new JobScopeTaskDecorator(context.getJobExecution());
	}

	@Override
	public Runnable decorate(Runnable task) {
		return () -> {
			JobSynchronizationManager.register(this.execution);
			try {
				task.run();
			}
			finally {
				// close, not release: the job's own thread still holds the context and ends it.
				JobSynchronizationManager.close();
			}
		};
	}

}
