package dev.seatkeeper.reclamation;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import dev.seatkeeper.job.SalesforceTasklet;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings;
import dev.seatkeeper.reclamation.action.CapLedger;
import dev.seatkeeper.reclamation.action.ReclaimCaps;
import dev.seatkeeper.reclamation.candidate.AutoApproval;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.reclamation.candidate.CandidateFilter;
import dev.seatkeeper.reclamation.candidate.CandidateRecorder;
import dev.seatkeeper.reclamation.candidate.CandidateStore;
import dev.seatkeeper.reclamation.rules.Holding;
import dev.seatkeeper.reclamation.rules.HoldingReader;
import dev.seatkeeper.reclamation.rules.PermissionSetHolders;
import dev.seatkeeper.reclamation.rules.PrivilegedUsers;
import dev.seatkeeper.reclamation.rules.ReclamationRules;
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
 * {@code dry-run} and {@code enforce} modes it also approves candidates whose wait is over, within what the caps
 * leave of the rolling 24 hours once the writes already made and the approvals already waiting are counted (unless
 * the run was started with {@code --override-caps}, which is audited on every approval); in {@code detect} mode nothing
 * is approved. Administrators are looked up in Salesforce (one query) and skipped unless the profile allows them.
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

	private final Supplier<PrivilegedUsers> privilegedUsers;

	private final CapLedger ledger;

	private final @Nullable String overrideCapsBy;

	public ApplyRulesTasklet(HoldingReader holdings, CandidateStore store, Profile profile, @Nullable String integrationUserId,
			Instant asOf, Supplier<PermissionSetHolders> permissionSetHolders, Supplier<PrivilegedUsers> privilegedUsers,
			CapLedger ledger, @Nullable String overrideCapsBy) {
		this.holdings = holdings;
		this.store = store;
		this.recorder = new CandidateRecorder(store);
		this.profile = profile;
		this.integrationUserId = integrationUserId;
		this.asOf = asOf;
		this.permissionSetHolders = permissionSetHolders;
		this.privilegedUsers = privilegedUsers;
		this.ledger = ledger;
		this.overrideCapsBy = overrideCapsBy;
	}

	@Override
	protected void run(StepContribution contribution, ChunkContext chunkContext) {
		ReclamationSettings settings = this.profile.reclamation();
		// Without rules no holding can become a candidate; open candidates are still canceled (their rule is gone).
		PrivilegedUsers privileged = (settings.rules().isEmpty() || settings.allowPrivilegedUsers()) ? PrivilegedUsers.NONE
				: this.privilegedUsers.get();
		ReclamationRules rules = ReclamationRules.of(settings, this.integrationUserId, this.permissionSetHolders.get(),
				privileged);
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
		ReclaimCaps.Allowance caps = this.ledger.allowance(ReclaimCaps.of(settings), name, this.asOf);
		int allowance = (this.overrideCapsBy != null) ? Integer.MAX_VALUE : caps.approvals();
		List<Candidate> candidates = this.store.find(new CandidateFilter(name, null, null));
		AutoApproval autoApproval = new AutoApproval(settings.rules());
		List<Candidate> due = candidates.stream().filter(c -> autoApproval.isDue(c, this.asOf)).toList();
		List<Candidate> approving = autoApproval.approvable(due, this.asOf, allowance);
		String overridden = (this.overrideCapsBy != null)
				? "; caps overridden by " + this.overrideCapsBy + " on the command line (" + caps.summary() + ")" : "";
		approving.forEach(candidate -> this.store.approveAutomatically(candidate, this.asOf, settings.mode(),
				autoApproval.why(candidate) + overridden));
		if (due.size() > approving.size()) {
			logger.info("Profile {}: {}, {} approved waiting, so {} approvals this run; {} due candidates wait for a later run",
					name, caps.summary(), caps.usage().approvedInFlight(), allowance, due.size() - approving.size());
		}
		return approving.size();
	}

}
