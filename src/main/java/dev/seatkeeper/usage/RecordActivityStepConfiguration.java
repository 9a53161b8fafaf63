package dev.seatkeeper.usage;

import java.util.ArrayList;
import java.util.List;

import dev.seatkeeper.job.ProgressLog;
import dev.seatkeeper.job.RunContext;
import dev.seatkeeper.profile.RecordActivitySettings;
import dev.seatkeeper.salesforce.GlobalDescribe;
import dev.seatkeeper.salesforce.SalesforceClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code recordActivity}, after {@code pullActivity}: per user and object of the profile's license map, the last
 * record created and modified and the 90-day count of modifications, from aggregate queries paged by user Id
 * ({@link RecordActivityReader}). Objects the org lacks or the integration user may not read are skipped with a line
 * in the run log; a profile with {@code activity.records.enabled: false} reads nothing.
 */
@Configuration(proxyBeanMethods = false)
class RecordActivityStepConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(RecordActivityStepConfiguration.class);

	static final int CHUNK = ActivityQuery.GROUP_LIMIT;

	@Bean
	Step recordActivity(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RecordActivityReader recordActivityReader, RecordActivityWriter recordActivityWriter,
			RecordActivityCompletion recordActivityCompletion) {
		return new StepBuilder("recordActivity", jobRepository).<UserObjectActivity, UserObjectActivity>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(recordActivityReader)
			.writer(recordActivityWriter)
			.listener(recordActivityCompletion)
			.build();
	}

	/** The objects this night reads: those of the license map that the org has and the integration user may read. */
	@Bean
	@JobScope
	ReadableObjects readableObjects(RunContext run) {
		RecordActivitySettings settings = run.profile().activity().records();
		if (!settings.enabled()) {
			return new ReadableObjects(List.of());
		}
		SalesforceClient client = run.client();
		GlobalDescribe described = client.describeGlobal();
		List<String> readable = new ArrayList<>();
		for (String object : settings.objects()) {
			if (described.mayRead(object)) {
				readable.add(object);
			}
			else {
				logger.info("Profile {}: recordActivity skips {}: the org has no such object, or the integration user"
						+ " may not read it", run.profileName(), object);
			}
		}
		return new ReadableObjects(List.copyOf(readable));
	}

	@Bean
	@StepScope
	RecordActivityReader recordActivityReader(RunContext run, ProgressLog progress, JdbcTemplate jdbc,
			ReadableObjects readableObjects) {
		List<ActivityQuery> queries = RecordActivityPlan.queries(readableObjects.names(),
				RecordActivityCompletion.watermarks(jdbc, run.profileName()), run.profile().activity().records(),
				run.asOf());
		return new RecordActivityReader(run.client(), queries, progress);
	}

	@Bean
	@StepScope
	RecordActivityWriter recordActivityWriter(JdbcTemplate jdbc, RunContext run) {
		return new RecordActivityWriter(jdbc, run.profileName(), run.asOf());
	}

	@Bean
	@StepScope
	RecordActivityCompletion recordActivityCompletion(JdbcTemplate jdbc, ReadableObjects readableObjects,
			RunContext run) {
		return new RecordActivityCompletion(jdbc, run.profileName(), run.asOf(), readableObjects.names());
	}

	/** The license map's objects this run can read; a class, not a record, so the job scope can proxy it. */
	static class ReadableObjects {

		private final List<String> names;

		ReadableObjects(List<String> names) {
			this.names = names;
		}

		List<String> names() {
			return this.names;
		}

	}

}
