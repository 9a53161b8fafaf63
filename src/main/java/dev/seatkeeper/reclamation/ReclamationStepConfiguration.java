package dev.seatkeeper.reclamation;

import java.time.Clock;
import java.time.Instant;

import dev.seatkeeper.job.NightlyJobRunner;
import dev.seatkeeper.job.OrgSessions;
import dev.seatkeeper.job.RunProfiles;
import dev.seatkeeper.profile.Profile;
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
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code applyReclamationRules} and {@code reclaim} steps, and the candidate store and figures the CLI and reconciliation read. */
@Configuration(proxyBeanMethods = false)
class ReclamationStepConfiguration {

	/** The non-identifying job parameter {@code run --override-caps --operator NAME} sets to the operator's name. */
	static final String OVERRIDE_CAPS_BY = NightlyJobRunner.OVERRIDE_CAPS_BY;

	@Bean
	Step applyReclamationRules(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ApplyRulesTasklet applyRulesTasklet) {
		return new StepBuilder("applyReclamationRules", jobRepository).tasklet(applyRulesTasklet, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	ApplyRulesTasklet applyRulesTasklet(JdbcTemplate jdbc, CandidateStore candidateStore, RunProfiles runProfiles,
			OrgSessions orgs, @Value("#{jobParameters['profile']}") String profile,
			@Value("#{jobExecutionContext['asOf']}") String asOf,
			@Value("#{jobExecutionContext['integrationUserId']}") String integrationUserId,
			@Value("#{jobParameters['" + OVERRIDE_CAPS_BY + "']}") @Nullable String overrideCapsBy, CapLedger capLedger) {
		Profile run = runProfiles.get(profile);
		return new ApplyRulesTasklet(
				new HoldingReader(jdbc, run.activity().records().enabled() ? run.activity().records().objectsByLicense()
						: java.util.Map.of()),
				candidateStore, run, integrationUserId, Instant.parse(asOf),
				() -> PermissionSetHolders.lookUp(() -> orgs.client(profile),
						run.reclamation().exclusions().permissionSets(),
						run.reclamation().exclusions().permissionSetGroups()),
				() -> PrivilegedUsers.lookUp(() -> orgs.client(profile)), capLedger, overrideCapsBy);
	}

	@Bean
	Step reclaim(JobRepository jobRepository, PlatformTransactionManager transactionManager, ReclaimTasklet reclaimTasklet) {
		return new StepBuilder("reclaim", jobRepository).tasklet(reclaimTasklet, transactionManager).build();
	}

	@Bean
	@StepScope
	ReclaimTasklet reclaimTasklet(CandidateStore candidateStore, OrgSessions orgs, RunProfiles runProfiles,
			PlatformTransactionManager transactionManager, @Value("#{jobParameters['profile']}") String profile,
			@Value("#{jobExecutionContext['asOf']}") String asOf,
			@Value("#{jobParameters['" + OVERRIDE_CAPS_BY + "']}") @Nullable String overrideCapsBy, CapLedger capLedger,
			Clock clock) {
		TransactionTemplate newTransaction = new TransactionTemplate(transactionManager);
		newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new ReclaimTasklet(candidateStore, orgs.client(profile), newTransaction, runProfiles.get(profile),
				Instant.parse(asOf), new ReclaimTasklet.Caps(capLedger, clock, overrideCapsBy));
	}

	@Bean
	CapLedger capLedger(JdbcTemplate jdbc) {
		return new CapLedger(jdbc);
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
