package dev.seatkeeper.subscription;

import dev.seatkeeper.job.ConnectCheck;
import dev.seatkeeper.job.JobProperties;
import dev.seatkeeper.job.KeyedSalesforceReader;
import dev.seatkeeper.job.ProgressLog;
import dev.seatkeeper.job.RunContext;
import dev.seatkeeper.salesforce.KeyedQuery;
import dev.seatkeeper.storage.SkippedRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Users, then permission set and package license assignments, into subscriptions; then what was not seen is ended.
 * Each download pages Salesforce by Id and commits one page per chunk.
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionStepConfiguration {

	static final int CHUNK = 2000;

	static final int KEYED_LIMIT = 50_000;

	@Bean
	Step downloadSubscriptions(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			KeyedSalesforceReader<SalesforceUser> userReader, UserWriter userWriter) {
		return pagedStep("downloadSubscriptions", jobRepository, transactionManager, userReader, userWriter);
	}

	@Bean
	Step downloadPermissionSetAssignments(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			KeyedSalesforceReader<Assignment> permissionSetAssignmentReader, AssignmentWriter assignmentWriter) {
		return pagedStep("downloadPermissionSetAssignments", jobRepository, transactionManager,
				permissionSetAssignmentReader, assignmentWriter);
	}

	@Bean
	Step downloadPackageAssignments(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			KeyedSalesforceReader<Assignment> packageAssignmentReader, AssignmentWriter assignmentWriter) {
		return pagedStep("downloadPackageAssignments", jobRepository, transactionManager, packageAssignmentReader,
				assignmentWriter);
	}

	/** A download paged by Id, committing one page per chunk. */
	private static <T> Step pagedStep(String name, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, KeyedSalesforceReader<T> reader, ItemWriter<T> writer) {
		return new StepBuilder(name, jobRepository).<T, T>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(reader)
			.writer(writer)
			.build();
	}

	@Bean
	Step endRemovedSubscriptions(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SubscriptionEnder subscriptionEnder) {
		return new StepBuilder("endRemovedSubscriptions", jobRepository).tasklet(subscriptionEnder, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	KeyedSalesforceReader<SalesforceUser> userReader(RunContext run, ProgressLog progress, JdbcTemplate jdbc,
			JobProperties job,
			@Value("#{jobExecutionContext['" + ConnectCheck.USER_FEATURE_FIELDS + "']}") @Nullable String featureFields) {
		UserSync.Plan plan = UserSync.plan(jdbc, run.runKey(), job.userSweepInterval());
		// Only the feature flags connect found on User: selecting one the org lacks or hides is INVALID_FIELD.
		UserMapper mapper = new UserMapper(UserMapper.features(ConnectCheck.list(featureFields)));
		return new KeyedSalesforceReader<>("downloadSubscriptions", run.client(),
				KeyedQuery.byId("User", mapper.fields(), plan.filter(), KEYED_LIMIT), mapper::toUser, progress);
	}

	@Bean
	@StepScope
	KeyedSalesforceReader<Assignment> permissionSetAssignmentReader(RunContext run, ProgressLog progress) {
		return new KeyedSalesforceReader<>("downloadPermissionSetAssignments", run.client(),
				KeyedQuery.byId("PermissionSetLicenseAssign", AssignmentMapper.PERMISSION_SET_LICENSE_FIELDS, null,
						KEYED_LIMIT),
				AssignmentMapper::permissionSetLicense, progress);
	}

	@Bean
	@StepScope
	KeyedSalesforceReader<Assignment> packageAssignmentReader(RunContext run, ProgressLog progress) {
		return new KeyedSalesforceReader<>("downloadPackageAssignments", run.client(),
				KeyedQuery.byId("UserPackageLicense", AssignmentMapper.PACKAGE_LICENSE_FIELDS, null, KEYED_LIMIT),
				AssignmentMapper::packageLicense, progress);
	}

	@Bean
	@StepScope
	UserWriter userWriter(JdbcTemplate jdbc, RunContext run, @Value("#{stepExecution}") StepExecution step) {
		return new UserWriter(jdbc, run.runKey(), skippedRecords(jdbc, run, step));
	}

	@Bean
	@StepScope
	AssignmentWriter assignmentWriter(JdbcTemplate jdbc, RunContext run, @Value("#{stepExecution}") StepExecution step) {
		return new AssignmentWriter(jdbc, run.runKey(), skippedRecords(jdbc, run, step));
	}

	private static SkippedRecords skippedRecords(JdbcTemplate jdbc, RunContext run, StepExecution step) {
		return new SkippedRecords(jdbc, run.profileName(), step.getJobExecutionId(), step.getStepName(),
				run.runKey().asOfUtc());
	}

	@Bean
	@StepScope
	SubscriptionEnder subscriptionEnder(JdbcTemplate jdbc, JobProperties job, RunContext run) {
		return new SubscriptionEnder(jdbc, run.runKey(), UserSync.plan(jdbc, run.runKey(), job.userSweepInterval()));
	}

}
