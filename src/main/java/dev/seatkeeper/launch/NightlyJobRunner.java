package dev.seatkeeper.launch;

import static dev.seatkeeper.job.RunParameters.PROFILE;
import static dev.seatkeeper.job.RunParameters.RUN_DATE;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

import dev.seatkeeper.job.ActiveExecutions;
import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.job.RunEnding;
import dev.seatkeeper.job.RunParameters;
import dev.seatkeeper.observability.RunMetrics;
import dev.seatkeeper.profile.Profile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Launches the nightly job for one profile and run date with the semantics operators rely on: a COMPLETED pair is
 * reported, not rerun; a FAILED or STOPPED one restarts from its last commit; a run left STARTED by a killed process
 * is recovered first; a live run of the same profile makes the launch exit "already running"; a run date other than
 * today or yesterday is refused unless it restarts that date's run ({@link RunDates}).
 */
public class NightlyJobRunner {

	private static final Logger logger = LoggerFactory.getLogger(NightlyJobRunner.class);

	private final Job job;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final RunLock runLock;

	private final ActiveExecutions activeExecutions;

	private final RunMetrics runMetrics;

	private final Clock clock;

	public NightlyJobRunner(Job job, JobOperator jobOperator, JobRepository jobRepository, RunLock runLock,
			ActiveExecutions activeExecutions, RunMetrics runMetrics, Clock clock) {
		this.job = job;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.runLock = runLock;
		this.activeExecutions = activeExecutions;
		this.runMetrics = runMetrics;
		this.clock = clock;
	}

	public static JobParameters parameters(String profile, LocalDate runDate) {
		return new JobParametersBuilder().addString(PROFILE, profile).addLocalDate(RUN_DATE, runDate).toJobParameters();
	}

	public RunResult run(Profile profile, LocalDate runDate) {
		return run(profile, runDate, null);
	}

	/**
	 * @param overrideCapsBy the operator who lifts the reclaim caps for this launch, audited on every candidate
	 * written beyond them; null keeps the caps
	 */
	public RunResult run(Profile profile, LocalDate runDate, @Nullable String overrideCapsBy) {
		String name = profile.name();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		boolean embeddedSandbox = profile.salesforce().isSandbox();
		String refusal = RunDates.refusalBeforeLookup(runDate, today, embeddedSandbox);
		if (refusal != null) {
			return RunResult.notStarted(name, runDate, ExitCode.USAGE, refusal);
		}
		Optional<RunLock.Held> lock = this.runLock.acquire(name, runDate);
		if (lock.isEmpty()) {
			return RunResult.notStarted(name, runDate, ExitCode.ALREADY_RUNNING,
					"already running in " + this.runLock.holder(name).orElse("another process"));
		}
		RunLock.Held held = lock.get();
		try (held) {
			recoverDeadExecutions(name);
			JobParameters parameters = parameters(name, runDate);
			JobExecution last = this.jobRepository.getLastJobExecution(this.job.getName(), parameters);
			refusal = RunDates.refusalOfPastDate(runDate, today, last, embeddedSandbox);
			if (refusal != null) {
				return RunResult.notStarted(name, runDate, ExitCode.USAGE, refusal);
			}
			if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
				return RunResult.notStarted(name, runDate, ExitCode.ALREADY_COMPLETE,
						"already completed (execution " + last.getId() + "); nothing rerun");
			}
			if (last != null) {
				logger.info("Profile {} {}: restarting after execution {} ended {}", name, runDate, last.getId(),
						last.getStatus());
			}
			if (overrideCapsBy != null) {
				logger.warn("Profile {} {}: reclaim caps overridden by {}", name, runDate, overrideCapsBy);
			}
			return launch(name, runDate, launchParameters(profile, parameters, overrideCapsBy));
		}
	}

	/**
	 * The identifying parameters and what only this launch says: where the profile was read from (the job reads it
	 * again from there, as does a restart through {@code JobOperator}), and who lifted the caps.
	 */
	private static JobParameters launchParameters(Profile profile, JobParameters identifying,
			@Nullable String overrideCapsBy) {
		JobParametersBuilder parameters = new JobParametersBuilder(identifying);
		Path directory = profile.source().toAbsolutePath().getParent();
		if (directory != null) {
			parameters.addString(RunParameters.PROFILES_DIR, directory.toString(), false);
		}
		if (overrideCapsBy != null) {
			parameters.addString(RunParameters.OVERRIDE_CAPS_BY, overrideCapsBy, false);
		}
		return parameters.toJobParameters();
	}

	private RunResult launch(String name, LocalDate runDate, JobParameters parameters) {
		try {
			long callsMadeBefore = this.runMetrics.callsMade(name);
			JobExecution execution = this.jobOperator.start(this.job, parameters);
			// After start() returns, so Batch's own job timer has been recorded too.
			this.runMetrics.publish(execution, callsMadeBefore);
			return result(name, runDate, execution);
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			return RunResult.notStarted(name, runDate, ExitCode.ALREADY_COMPLETE, "already completed; nothing rerun");
		}
		catch (JobExecutionAlreadyRunningException ex) {
			return RunResult.notStarted(name, runDate, ExitCode.ALREADY_RUNNING,
					Objects.requireNonNullElse(ex.getMessage(), "already running"));
		}
		catch (Exception ex) {
			return RunResult.notStarted(name, runDate, ExitCode.FAILED, "could not start: " + ex.getMessage());
		}
	}

	/**
	 * We hold the profile's lock, so any execution of this profile still marked running was left by a dead process:
	 * mark it FAILED (with its running steps) so the restart can proceed.
	 */
	private void recoverDeadExecutions(String profile) {
		for (JobExecution running : this.jobRepository.findRunningJobExecutions(this.job.getName())) {
			if (profile.equals(running.getJobParameters().getString(PROFILE)) && !this.activeExecutions.contains(running.getId())) {
				logger.warn("Profile {}: execution {} was left {} by a process that is gone; recovering it", profile,
						running.getId(), running.getStatus());
				this.jobOperator.recover(running);
			}
		}
	}

	/** Asks every execution this process runs to stop at its next chunk boundary (SIGTERM). */
	public void stopAll() {
		for (JobExecution running : this.activeExecutions.stopAll()) {
			logger.warn("Stop requested for execution {} ({}); it ends at the next chunk boundary", running.getId(),
					running.getJobParameters().getString(PROFILE));
		}
	}

	private static RunResult result(String name, LocalDate runDate, JobExecution execution) {
		return new RunResult(name, runDate, RunEnding.exitCode(execution), execution.getStatus().name(), execution.getId(),
				duration(execution.getStartTime(), execution.getEndTime()), RunEnding.message(execution));
	}

	private static @Nullable Duration duration(@Nullable LocalDateTime start, @Nullable LocalDateTime end) {
		return (start != null && end != null) ? Duration.between(start, end) : null;
	}

}
