package dev.seatkeeper.launch;

import java.time.Clock;

import dev.seatkeeper.job.ActiveExecutions;
import dev.seatkeeper.job.JobProperties;
import dev.seatkeeper.job.NightlyJobConfiguration;
import dev.seatkeeper.job.OrgSessions;
import dev.seatkeeper.observability.Pushgateway;
import dev.seatkeeper.observability.RunMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How jobs are launched, locked, stopped and reported; the job itself is assembled in {@link NightlyJobConfiguration}. */
@Configuration(proxyBeanMethods = false)
class JobInfrastructureConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	RunLock runLock(JdbcClient jdbc, JobProperties properties) {
		return new RunLock(jdbc, properties.heartbeatTimeout(), properties.lockWait());
	}

	@Bean
	ActiveExecutions activeExecutions() {
		return new ActiveExecutions();
	}

	@Bean
	NightlyJobRunner nightlyJobRunner(Job nightlyJob, JobOperator jobOperator, JobRepository jobRepository,
			RunLock runLock, ActiveExecutions activeExecutions, RunMetrics runMetrics, Clock clock) {
		return new NightlyJobRunner(nightlyJob, jobOperator, jobRepository, runLock, activeExecutions, runMetrics,
				clock);
	}

	@Bean
	RunMetrics runMetrics(PrometheusMeterRegistry meterRegistry, OrgSessions orgSessions,
			ObjectProvider<Pushgateway> pushgateway, JdbcTemplate jdbc) {
		return new RunMetrics(meterRegistry, orgSessions, pushgateway.getIfAvailable(), jdbc);
	}

	@Bean
	GracefulStop gracefulStop(NightlyJobRunner runner, JobProperties properties) {
		return new GracefulStop(runner, properties.stopGrace());
	}

}
