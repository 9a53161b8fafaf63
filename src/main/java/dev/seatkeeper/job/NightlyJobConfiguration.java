package dev.seatkeeper.job;

import java.time.Clock;

import dev.seatkeeper.profile.ProfileConnections;
import dev.seatkeeper.profile.Profiles;
import dev.seatkeeper.salesforce.auth.SalesforceClientFactory;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job, one instance per profile and run date. Steps run in data-flow order; each lives in the package
 * of its feature. {@code applyReclamationRules} records candidates after {@code downloadConsumption},
 * {@code notifyUsers} e-mails the users of rules that notify, and {@code reclaim} acts on the approved ones, before the
 * final {@code reconcile} step. {@code recordActivity} learns who creates and edits which records after
 * {@code pullActivity} has learnt who logs in.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {

	static final String JOB_NAME = "nightly";

	@Bean
	OrgSessions orgSessions(ProfileConnections connections, SalesforceClientFactory clients,
			SimulatedOrgs simulatedOrgs) {
		return new OrgSessions(connections, clients, simulatedOrgs);
	}

	/** Where runs find their profile; tests that hold profiles in memory supply their own. */
	@Bean
	@ConditionalOnMissingBean
	RunProfileSource runProfileSource(Profiles profiles) {
		return new CatalogProfileSource(profiles);
	}

	/** What the steps of one job execution share; built on first use inside a step. */
	@Bean
	@JobScope
	RunContext runContext(RunProfileSource profiles, OrgSessions orgs, @Value("#{jobExecution}") JobExecution execution) {
		return RunContext.of(execution, profiles, orgs);
	}

	@Bean
	Job nightlyJob(JobRepository jobRepository, AsOfListener asOfListener, ActiveExecutions activeExecutions,
			ProfileStateListener profileStateListener, JdbcClient jdbcClient,
			Step connect, Step downloadLicenses, Step downloadSubscriptions, Step downloadPermissionSetAssignments,
			Step downloadPackageAssignments, Step endRemovedSubscriptions, Step pullActivity, Step summarizeActivity,
			Step recordActivity,
			Step downloadConsumption, Step applyReclamationRules, Step notifyUsers, Step reclaim, Step reconcile) {
		return new JobBuilder(JOB_NAME, jobRepository).listener(asOfListener)
			.listener(activeExecutions)
			.listener(profileStateListener)
			.listener(new RunMessageListener(jdbcClient))
			.start(connect)
			.next(downloadLicenses)
			.next(downloadSubscriptions)
			.next(downloadPermissionSetAssignments)
			.next(downloadPackageAssignments)
			.next(endRemovedSubscriptions)
			.next(pullActivity)
			.next(summarizeActivity)
			.next(recordActivity)
			.next(downloadConsumption)
			.next(applyReclamationRules)
			.next(notifyUsers)
			.next(reclaim)
			.next(reconcile)
			.build();
	}

	/** Profile, run date, execution id and step in the MDC of every line logged during a run. */
	@Bean
	static RunLogContextRegistrar runLogContextRegistrar() {
		return new RunLogContextRegistrar();
	}

	@Bean
	ProfileStateListener profileStateListener(JdbcTemplate jdbc, Clock clock) {
		return new ProfileStateListener(jdbc, clock);
	}

	@Bean
	AsOfListener asOfListener(Clock clock) {
		return new AsOfListener(clock);
	}

	@Bean
	Step connect(JobRepository jobRepository, PlatformTransactionManager transactionManager, ConnectTasklet connectTasklet) {
		return new StepBuilder("connect", jobRepository).tasklet(connectTasklet, transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	@StepScope
	ConnectTasklet connectTasklet(RunContext run, ObjectProvider<ConnectCheck> checks) {
		return new ConnectTasklet(run, checks.orderedStream().toList());
	}

	@Bean
	ProgressLog progressLog(JobProperties properties) {
		return new ProgressLog(properties.progressInterval());
	}

}
