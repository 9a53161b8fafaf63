package dev.seatkeeper.reconciliation;

import dev.seatkeeper.consumption.ConsumptionDownload;
import dev.seatkeeper.job.RunContext;
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
			RunContext run,
			@Value("#{jobExecutionContext['" + ConsumptionDownload.UNREAD + "']}") @Nullable String unreadConsumption) {
		return new ReconcileTasklet(new OrgUsageReader(jdbc, run.runKey()), positionStore, reclamationFigures,
				run.profile(), run.runKey(), run.runDate(), ConsumptionDownload.parse(unreadConsumption),
				new RightSizing(jdbc));
	}

	@Bean
	PositionStore positionStore(JdbcTemplate jdbc) {
		return new PositionStore(jdbc);
	}

}
