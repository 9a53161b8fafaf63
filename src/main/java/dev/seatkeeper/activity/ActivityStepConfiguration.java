package dev.seatkeeper.activity;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import dev.seatkeeper.job.JobScopeTaskDecorator;
import dev.seatkeeper.job.ProgressLog;
import dev.seatkeeper.job.RunContext;
import dev.seatkeeper.job.RunLogContext;
import dev.seatkeeper.profile.ActivitySettings;
import dev.seatkeeper.storage.SkippedRecords;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code pullActivity}: login history after the profile's watermark (the first run backfills
 * {@code activity.backfillDays}), split into time windows paged by {@code activity.concurrentCursors} cursors at
 * once, each window narrowed into halves where Salesforce times out ({@link LoginHistoryReader}); then
 * {@code summarizeActivity} computes per-user activity and advances the watermark.
 */
@Configuration(proxyBeanMethods = false)
class ActivityStepConfiguration {

	static final int CHUNK = 2000;

	static final int KEYED_LIMIT = 100_000;

	@Bean
	Step pullActivity(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			LoginWindowPartitioner loginWindowPartitioner, LoginHistoryReader loginHistoryReader,
			LoginEventWriter loginEventWriter, TaskExecutor loginCursors, DataSource dataSource) {
		return new StepBuilder("pullActivity", jobRepository).partitioner("pullActivityWindow", loginWindowPartitioner)
			.step(pullActivityWindow(jobRepository, transactionManager, loginHistoryReader, loginEventWriter))
			.taskExecutor(loginCursors)
			.listener(new DeferredLoginIndex(dataSource))
			.build();
	}

	/**
	 * One window's cursor. Not a bean, so Spring Batch's observability post-processor leaves it alone: observed, it
	 * would time every login event read (an Observation and a timer look-up per item, 7% of the job's CPU over a
	 * 3-million-event backfill). Its counts still reach the run's metrics through the step executions. For the same
	 * reason it gets the run's log context here, not from the job package's registrar.
	 */
	private static Step pullActivityWindow(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			LoginHistoryReader loginHistoryReader, LoginEventWriter loginEventWriter) {
		return new StepBuilder("pullActivityWindow", jobRepository).<LoginEvent, LoginEvent>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(loginHistoryReader)
			.writer(loginEventWriter)
			.observationRegistry(ObservationRegistry.NOOP)
			.listener(new RunLogContext())
			.build();
	}

	@Bean
	Step summarizeActivity(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ActivitySummarizer activitySummarizer) {
		return new StepBuilder("summarizeActivity", jobRepository).tasklet(activitySummarizer, transactionManager)
			.build();
	}

	@Bean
	@JobScope
	LoginWindowPartitioner loginWindowPartitioner(RunContext run, JdbcTemplate jdbc) {
		ActivitySettings activity = run.profile().activity();
		Instant to = run.asOf();
		// A look-back before the watermark: Salesforce records some logins late, with a LoginTime the last night had
		// already passed. They are read again, and the upsert by Id stores each once.
		Instant from = new LoginWatermark(jdbc).current(run.profileName())
			.filter(watermark -> watermark.isBefore(to))
			.map(watermark -> watermark.minus(Duration.ofMinutes(activity.lookBackMinutes())))
			.orElse(to.minus(Duration.ofDays(activity.backfillDays())));
		return new LoginWindowPartitioner(from, to, Duration.ofDays(activity.windowDays()), activity.concurrentCursors());
	}

	/**
	 * One thread per concurrent cursor of this profile; the partitions beyond that wait their turn. Each thread joins
	 * the job scope, so the partitions' readers and writers get this run's {@link RunContext}.
	 */
	@Bean
	@JobScope
	TaskExecutor loginCursors(RunContext run) {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("login-cursor-");
		executor.setConcurrencyLimit(run.profile().activity().concurrentCursors());
		executor.setTaskDecorator(JobScopeTaskDecorator.current());
		return executor;
	}

	@Bean
	@StepScope
	LoginHistoryReader loginHistoryReader(RunContext run, ProgressLog progress,
			@Value("#{stepExecutionContext['" + LoginWindowPartitioner.FROM + "']}") String from,
			@Value("#{stepExecutionContext['" + LoginWindowPartitioner.TO + "']}") String to) {
		return new LoginHistoryReader(run.client(), progress, Instant.parse(from), Instant.parse(to), KEYED_LIMIT);
	}

	@Bean
	@StepScope
	LoginEventWriter loginEventWriter(JdbcTemplate jdbc, RunContext run, @Value("#{stepExecution}") StepExecution step) {
		// Named after the step operators know, not the partition: v_runs counts a run's skips whatever the step.
		return new LoginEventWriter(jdbc, run.profileName(), new SkippedRecords(jdbc, run.profileName(),
				step.getJobExecutionId(), "pullActivity", run.runKey().asOfUtc()));
	}

	@Bean
	@StepScope
	ActivitySummarizer activitySummarizer(JdbcTemplate jdbc, RunContext run) {
		return new ActivitySummarizer(jdbc, run.runKey());
	}

}
