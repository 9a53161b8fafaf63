package dev.seatkeeper.reconciliation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The {@code reconcile} step: the run's license and consumption positions, computed from what the earlier steps
 * stored and the profile's entitlements, as of the run's fixed instant, saved in the step's one transaction with the
 * run's warnings (rule targets the org does not have), which the log and every report show. A restart
 * computes the same figures and rewrites the same rows.
 */
public class ReconcileTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(ReconcileTasklet.class);

	private final OrgUsageReader usage;

	private final PositionStore store;

	private final ReclamationFigures reclamation;

	private final Profile profile;

	private final RunKey run;

	private final LocalDate runDate;

	private final Map<String, String> unreadConsumption;

	private final RightSizing rightSizing;

	/** @param unreadConsumption consumption sources {@code downloadConsumption} could not read, with the reason */
	ReconcileTasklet(OrgUsageReader usage, PositionStore store, ReclamationFigures reclamation, Profile profile,
			RunKey run, LocalDate runDate, Map<String, String> unreadConsumption, RightSizing rightSizing) {
		this.unreadConsumption = Map.copyOf(unreadConsumption);
		this.rightSizing = rightSizing;
		this.usage = usage;
		this.store = store;
		this.reclamation = reclamation;
		this.profile = profile;
		this.run = run;
		this.runDate = runDate;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String name = this.profile.name();
		PositionCalculator calculator = new PositionCalculator(LocalDate.ofInstant(this.run.asOf(), ZoneOffset.UTC),
				model -> this.reclamation.counts(name, this.runDate, model));
		List<ModelUsage> models = this.usage.models(new ActivityThreshold(this.profile.reclamation()));
		List<String> warnings = UnknownRuleTargets.of(this.profile.reclamation(),
				models.stream().map(ModelUsage::model).collect(Collectors.toSet()));
		warnings.forEach(warning -> logger.warn("Profile {}: {}", name, warning));
		List<LicensePosition> positions = calculator.positions(models, this.profile.entitlements(),
				ReclamationSettings.DEFAULT_THRESHOLD_DAYS);
		List<ConsumptionPosition> consumption = new ConsumptionCalculator(this.run.asOf())
			.positions(this.usage.latestReadings(), this.profile.consumptionEntitlements(), this.unreadConsumption);
		this.store.save(this.run, this.runDate, positions, consumption, warnings);
		int downgrades = this.rightSizing.save(name, this.runDate, this.run.asOf(), this.profile.downgrades(), positions);
		contribution.incrementWriteCount(positions.size() + consumption.size());
		if (!this.profile.downgrades().isEmpty()) {
			logger.info("Profile {}: {} seats a cheaper license would cover", name, downgrades);
		}
		logger.info("Profile {}: position of {} models and {} consumption metrics as of {}", name, positions.size(),
				consumption.size(), this.run.asOf());
		return RepeatStatus.FINISHED;
	}

}
