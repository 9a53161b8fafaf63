package dev.seatkeeper.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Puts the run's profile, run date, job execution id and step name in the logging MDC, so every line logged during a
 * run carries them (as fields of the structured JSON logs).
 *
 * <p>The MDC is thread-local. The job's keys are set on the launching thread before the job and removed after it; a
 * step sets all four keys on the thread it runs on, which for partition workers is a pool thread, and afterwards puts
 * back what that thread had before, so a worker thread is left clean and the launching thread gets its job keys back.
 * Thread-safe: one instance serves every job and step.
 */
public class RunLogContext implements JobExecutionListener, StepExecutionListener {

	public static final String PROFILE = "profile";

	public static final String RUN_DATE = "runDate";

	public static final String JOB_EXECUTION_ID = "jobExecutionId";

	public static final String STEP = "step";

	private final Map<Long, Map<String, String>> before = new ConcurrentHashMap<>();

	@Override
	public void beforeJob(JobExecution execution) {
		putJob(execution);
	}

	@Override
	public void afterJob(JobExecution execution) {
		MDC.remove(PROFILE);
		MDC.remove(RUN_DATE);
		MDC.remove(JOB_EXECUTION_ID);
		MDC.remove(STEP);
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		Map<String, String> previous = MDC.getCopyOfContextMap();
		this.before.put(stepExecution.getId(), (previous != null) ? previous : Map.of());
		putJob(stepExecution.getJobExecution());
		MDC.put(STEP, stepExecution.getStepName());
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		Map<String, String> previous = this.before.remove(stepExecution.getId());
		MDC.setContextMap((previous != null) ? previous : Map.of());
		return null;
	}

	private static void putJob(JobExecution execution) {
		putIfPresent(PROFILE, execution.getJobParameters().getString(RunParameters.PROFILE));
		putIfPresent(RUN_DATE, execution.getJobParameters().getLocalDate(RunParameters.RUN_DATE));
		MDC.put(JOB_EXECUTION_ID, String.valueOf(execution.getId()));
	}

	private static void putIfPresent(String key, @Nullable Object value) {
		if (value != null) {
			MDC.put(key, value.toString());
		}
	}

}
