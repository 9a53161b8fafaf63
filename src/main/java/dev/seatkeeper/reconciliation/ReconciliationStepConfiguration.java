package dev.seatkeeper.reconciliation;

import java.time.LocalDate;

import dev.seatkeeper.consumption.ConsumptionDownload;
import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.job.RunProfiles;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The final {@code reconcile} step and the store its reports read. */
@Configuration(proxyBeanMethods = false)
class ReconciliationStepConfiguration {

	@Bean
	Step reconcile(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReconcileTasklet reconcileTasklet) {
		return new StepBuilder("reconcile", jobRepository).tasklet(reconcileTasklet, transactionManager).build();
	}

	@Bean
	@StepScope
	ReconcileTasklet reconcileTasklet(JdbcTemplate jdbc, PositionStore positionStore, ReclamationFigures reclamationFigures,
			RunProfiles runProfiles, @Value("#{jobParameters['profile']}") String profile,
			@Value("#{jobParameters['runDate']}") LocalDate runDate, @Value("#{jobExecutionContext['asOf']}") String asOf,
			@Value("#{jobExecutionContext['" + ConsumptionDownload.UNREAD + "']}") @Nullable String unreadConsumption) {
		RunKey run = RunKey.of(profile, asOf);
		return new ReconcileTasklet(new OrgUsageReader(jdbc, run), positionStore, reclamationFigures,
				runProfiles.get(profile), run, runDate, ConsumptionDownload.parse(unreadConsumption),
				new RightSizing(jdbc));
	}

	@Bean
	PositionStore positionStore(JdbcTemplate jdbc) {
		return new PositionStore(jdbc);
	}

}
