package dev.seatkeeper.consumption;

import java.util.List;

import dev.seatkeeper.job.ConnectCheck;
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

/** The {@code downloadConsumption} step. */
@Configuration(proxyBeanMethods = false)
class ConsumptionStepConfiguration {

	@Bean
	Step downloadConsumption(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ConsumptionDownload consumptionDownload) {
		return new StepBuilder("downloadConsumption", jobRepository).tasklet(consumptionDownload, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	ConsumptionDownload consumptionDownload(RunContext run, JdbcTemplate jdbc,
			@Value("#{jobExecutionContext['" + ConnectCheck.SKIPPED_OBJECTS + "']}") @Nullable String skipped) {
		List<String> unreadable = ConnectCheck.list(skipped);
		boolean entitlements = unreadable == null || !unreadable.contains(ConsumptionDownload.ENTITLEMENT_OBJECT);
		return new ConsumptionDownload(run.client(), jdbc, run.runKey(), entitlements);
	}

}
