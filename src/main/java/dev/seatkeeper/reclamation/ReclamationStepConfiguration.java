package dev.seatkeeper.reclamation;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.job.ConnectCheck;
import dev.seatkeeper.job.ConnectTasklet;
import dev.seatkeeper.job.RunContext;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.reclamation.action.CapLedger;
import dev.seatkeeper.reclamation.action.ReclaimTasklet;
import dev.seatkeeper.reclamation.action.TargetProfiles;
import dev.seatkeeper.reclamation.candidate.CandidateFigures;
import dev.seatkeeper.reclamation.candidate.CandidateStore;
import dev.seatkeeper.reclamation.rules.HoldingReader;
import dev.seatkeeper.reclamation.rules.PermissionSetHolders;
import dev.seatkeeper.reclamation.rules.PrivilegedUsers;
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

	@Bean
	Step applyReclamationRules(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ApplyRulesTasklet applyRulesTasklet) {
		return new StepBuilder("applyReclamationRules", jobRepository).tasklet(applyRulesTasklet, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	ApplyRulesTasklet applyRulesTasklet(JdbcTemplate jdbc, CandidateStore candidateStore, RunContext context,
			@Value("#{jobExecutionContext['" + ConnectTasklet.INTEGRATION_USER_ID + "']}") String integrationUserId,
			CapLedger capLedger) {
		Profile run = context.profile();
		return new ApplyRulesTasklet(
				new HoldingReader(jdbc, run.activity().records().enabled() ? run.activity().records().objectsByLicense()
						: Map.of(), run.activity().records().enabled() ? downgradeObjects(run) : Map.of()),
				candidateStore, run, integrationUserId, context.asOf(),
				() -> PermissionSetHolders.lookUp(context::client,
						run.reclamation().exclusions().permissionSets(),
						run.reclamation().exclusions().permissionSetGroups()),
				() -> PrivilegedUsers.lookUp(context::client), capLedger, context.overrideCapsBy());
	}

	/** Per license, the objects its downgrade requires, for the profile's downgrade rules. */
	static Map<String, List<String>> downgradeObjects(Profile profile) {
		Map<String, List<String>> objects = new HashMap<>();
		profile.reclamation().rules().forEach((rule) -> rule.downgrades()
			.forEach((downgrade) -> objects.put(downgrade.from(), downgrade.requires())));
		return objects;
	}

	@Bean
	Step reclaim(JobRepository jobRepository, PlatformTransactionManager transactionManager, ReclaimTasklet reclaimTasklet) {
		return new StepBuilder("reclaim", jobRepository).tasklet(reclaimTasklet, transactionManager).build();
	}

	@Bean
	@StepScope
	ReclaimTasklet reclaimTasklet(CandidateStore candidateStore, RunContext run,
			PlatformTransactionManager transactionManager, CapLedger capLedger, Clock clock) {
		TransactionTemplate newTransaction = new TransactionTemplate(transactionManager);
		newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new ReclaimTasklet(candidateStore, run.client(), newTransaction, run.profile(), run.asOf(),
				new ReclaimTasklet.Caps(capLedger, clock, run.overrideCapsBy()));
	}

	/**
	 * At {@code connect}, in dry-run and enforce modes: the target profiles of the downgrade rules exist in the org
	 * with the cheaper license, or the run fails as invalid configuration before anything is written.
	 */
	@Bean
	ConnectCheck downgradeTargetProfiles() {
		return (run, jobContext) -> {
			if (run.profile().reclamation().mode() != Mode.DETECT) {
				TargetProfiles.check(run.client(), run.profile());
			}
		};
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
