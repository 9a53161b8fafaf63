package dev.seatkeeper.reclamation;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import dev.seatkeeper.job.SalesforceTasklet;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;

/**
 * The {@code applyReclamationRules} step: decides every holding as of the run's as-of instant and records the
 * candidates. It only reads the tables earlier steps wrote and writes candidates in the step's one transaction, so a
 * restart after a crash decides again from the same rows and the same instant. It calls Salesforce only to learn
 * who holds the permission sets the profile excludes (one query, when it lists any); a spent API budget there stops
 * the step cleanly, as in every step that calls Salesforce. In
 * {@code dry-run} and {@code enforce} modes it also approves candidates whose wait is over, within the caps; in
 * {@code detect} mode nothing is approved.
 */
public class ApplyRulesTasklet extends SalesforceTasklet {

	private static final Logger logger = LoggerFactory.getLogger(ApplyRulesTasklet.class);

	private final HoldingReader holdings;

	private final CandidateRecorder recorder;

	private final CandidateStore store;

	private final Profile profile;

	private final @Nullable String integrationUserId;

	private final Instant asOf;

	private final Supplier<PermissionSetHolders> permissionSetHolders;

	public ApplyRulesTasklet(HoldingReader holdings, CandidateStore store, Profile profile, @Nullable String integrationUserId,
			Instant asOf, Supplier<PermissionSetHolders> permissionSetHolders) {
		this.holdings = holdings;
		this.store = store;
		this.recorder = new CandidateRecorder(store);
		this.profile = profile;
		this.integrationUserId = integrationUserId;
		this.asOf = asOf;
		this.permissionSetHolders = permissionSetHolders;
	}

	@Override
	protected void run(StepContribution contribution, ChunkContext chunkContext) {
		ReclamationSettings settings = this.profile.reclamation();
		// Without rules no holding can become a candidate; open candidates are still canceled (their rule is gone).
		ReclamationRules rules = ReclamationRules.of(settings, this.integrationUserId, this.permissionSetHolders.get());
		Iterable<Holding> held = settings.rules().isEmpty() ? List.of()
				: this.holdings.holdings(this.profile.name(), rules.looksAtInactiveUsers());
		CandidateRecorder.Tally tally = this.recorder.record(this.profile.name(), settings, rules, held, this.asOf);
		int approved = (settings.mode() == Mode.DETECT || !integrationUserKnown()) ? 0 : approveDue(settings);
		contribution.incrementWriteCount(tally.moved() + approved);
		logger.info("Profile {}: {} holdings against {} rules in {} mode; candidates moved {}, {} approved automatically",
				this.profile.name(), tally.holdings(), settings.rules().size(), settings.mode(), tally, approved);
	}

	/** Without knowing the user the job runs as, nothing is approved automatically: it could cut off the job itself. */
	private boolean integrationUserKnown() {
		if (this.integrationUserId == null && this.profile.reclamation().mode() != Mode.DETECT) {
			logger.warn("Profile {}: the integration user is unknown, so no candidate is approved automatically",
					this.profile.name());
		}
		return this.integrationUserId != null;
	}

	/** Approves the candidates whose wait is over, oldest first, within the caps; the rest wait for a later run. */
	private int approveDue(ReclamationSettings settings) {
		String name = this.profile.name();
		List<Candidate> candidates = this.store.find(new CandidateFilter(name, null, null));
		int alreadyApproved = (int) candidates.stream().filter(c -> c.state() == CandidateState.APPROVED).count();
		int allowance = new ReclaimCaps(settings.maxPerRun(), settings.maxShareOfActiveUsers())
			.allowance(this.holdings.activeUsers(name), alreadyApproved);
		AutoApproval autoApproval = new AutoApproval(settings.rules());
		List<Candidate> due = candidates.stream().filter(c -> autoApproval.isDue(c, this.asOf)).toList();
		List<Candidate> approving = autoApproval.approvable(due, this.asOf, allowance);
		approving.forEach(candidate -> this.store.approveAutomatically(candidate, this.asOf, settings.mode(),
				autoApproval.why(candidate)));
		if (due.size() > approving.size()) {
			logger.info("Profile {}: caps allow {} approvals this run; {} due candidates wait for a later run", name,
					allowance, due.size() - approving.size());
		}
		return approving.size();
	}

}
