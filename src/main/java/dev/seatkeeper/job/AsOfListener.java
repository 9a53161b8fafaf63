package dev.seatkeeper.job;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Fixes the run's "as of" instant when a job instance first starts. A restart inherits the job ExecutionContext of
 * the failed execution, so it sees the same instant and makes the same decisions.
 */
public class AsOfListener implements JobExecutionListener {

	private final Clock clock;

	public AsOfListener(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		if (!execution.getExecutionContext().containsKey(RunKey.AS_OF)) {
			execution.getExecutionContext()
				.putString(RunKey.AS_OF, this.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
		}
	}

}
