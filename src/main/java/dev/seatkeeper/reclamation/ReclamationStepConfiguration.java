package dev.seatkeeper.reclamation;

import java.time.Instant;

import dev.seatkeeper.job.RunProfiles;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The {@code applyReclamationRules} step, and the candidate store and figures the CLI and reconciliation read. */
@Configuration(proxyBeanMethods = false)
class ReclamationStepConfiguration {

	@Bean
	Step applyReclamationRules(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ApplyRulesTasklet applyRulesTasklet) {
		return new StepBuilder("applyReclamationRules", jobRepository).tasklet(applyRulesTasklet, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	ApplyRulesTasklet applyRulesTasklet(JdbcTemplate jdbc, CandidateStore candidateStore, RunProfiles runProfiles,
			@Value("#{jobParameters['profile']}") String profile, @Value("#{jobExecutionContext['asOf']}") String asOf,
			@Value("#{jobExecutionContext['integrationUserId']}") String integrationUserId) {
		return new ApplyRulesTasklet(new HoldingReader(jdbc), candidateStore,
				runProfiles.get(profile), integrationUserId, Instant.parse(asOf));
	}

	@Bean
	CandidateFigures reclamationFigures(JdbcTemplate jdbc) {
		return new CandidateFigures(jdbc);
	}

	@Bean
	CandidateStore candidateStore(JdbcTemplate jdbc) {
		return new CandidateStore(jdbc);
	}

}
