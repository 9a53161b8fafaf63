package dev.seatkeeper.reclamation;

import java.time.Instant;
import java.util.List;

import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The {@code applyReclamationRules} step: decides every holding as of the run's as-of instant and records the
 * candidates. It only reads the tables earlier steps wrote and writes candidates in the step's one transaction, so a
 * restart after a crash decides again from the same rows and the same instant. It never calls Salesforce.
 */
public class ApplyRulesTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(ApplyRulesTasklet.class);

	private final HoldingReader holdings;

	private final CandidateRecorder recorder;

	private final Profile profile;

	private final String integrationUserId;

	private final Instant asOf;

	public ApplyRulesTasklet(HoldingReader holdings, CandidateRecorder recorder, Profile profile,
			String integrationUserId, Instant asOf) {
		this.holdings = holdings;
		this.recorder = recorder;
		this.profile = profile;
		this.integrationUserId = integrationUserId;
		this.asOf = asOf;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		ReclamationSettings settings = this.profile.reclamation();
		List<Holding> held = this.holdings.holdings(this.profile.name());
		CandidateRecorder.Tally tally = this.recorder.record(this.profile.name(), settings,
				ReclamationRules.of(settings, this.integrationUserId), held, this.asOf);
		contribution.incrementWriteCount(tally.moved());
		logger.info("Profile {}: {} holdings against {} rules in {} mode; candidates moved {}", this.profile.name(),
				held.size(), settings.rules().size(), settings.mode(), tally);
		return RepeatStatus.FINISHED;
	}

}
