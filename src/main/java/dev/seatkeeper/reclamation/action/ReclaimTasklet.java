package dev.seatkeeper.reclamation.action;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.seatkeeper.job.SalesforceTasklet;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.reclamation.candidate.CandidateFilter;
import dev.seatkeeper.reclamation.candidate.CandidateState;
import dev.seatkeeper.reclamation.candidate.CandidateStore;
import dev.seatkeeper.salesforce.SalesforceClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code reclaim} step: carries out approved candidates in Salesforce by their rule's action (deactivate, freeze,
 * remove a permission set or package license, downgrade to a cheaper user license; see {@link ReclaimAction}). In {@code detect} mode it does nothing; in
 * {@code dry-run} it logs what it would do and calls nothing. In {@code enforce}, for each chunk of at most 200
 * candidates of one action it first looks up what is still to write, then marks those candidates RECLAIMING and
 * commits before the one composite call, and commits every per-record result after it. A crash in between leaves
 * RECLAIMING rows; a restart asks Salesforce whether their write took effect before writing again, so no
 * candidate is written twice. A candidate whose effect Salesforce already shows is canceled without a write.
 *
 * <p>Only as many approved candidates as the caps leave of the rolling 24 hours (see {@link CapLedger}) are written,
 * oldest approval first; the others stay APPROVED and wait for a later run. {@code --override-caps} lifts the caps
 * for one run and is audited on every candidate written beyond them, with the operator's name. Writes are audited at
 * the clock's time (not the run's as-of), so a restart a day later counts its writes when they happen.
 *
 * <p>The tasklet's own reads and writes run in new transactions (the given template must propagate
 * REQUIRES_NEW) so each mark is committed before Salesforce is called.
 */
public class ReclaimTasklet extends SalesforceTasklet {

	private static final Logger logger = LoggerFactory.getLogger(ReclaimTasklet.class);

	private final CandidateStore store;

	private final Map<Action, ReclaimAction> actions = new EnumMap<>(Action.class);

	private final NewTransactions transactions;

	private final Profile profile;

	private final Instant asOf;

	private final Caps caps;

	/**
	 * What the caps are read from: the ledger of writes, the clock the run uses, and the operator who overrode the
	 * caps for this run (null when nobody did).
	 */
	public record Caps(CapLedger ledger, Clock clock, @Nullable String overriddenBy) {
	}

	public ReclaimTasklet(CandidateStore store, SalesforceClient client, TransactionTemplate newTransaction,
			Profile profile, Instant asOf, Caps caps) {
		this.store = store;
		List.of(new DeactivateUser(client), new FreezeUser(client), new RemovePermissionSetLicense(client),
				new RemovePackageLicense(client),
				new DowngradeUser(client, profile.name(), profile.reclamation().rules()))
			.forEach(action -> this.actions.put(action.action(), action));
		this.transactions = new NewTransactions(newTransaction);
		this.profile = profile;
		this.asOf = asOf;
		this.caps = caps;
	}

	@Override
	protected void run(StepContribution contribution, ChunkContext chunkContext) {
		Mode mode = this.profile.reclamation().mode();
		if (mode == Mode.DETECT) {
			return;
		}
		recoverInterrupted(mode);
		Instant now = this.caps.clock().instant().truncatedTo(ChronoUnit.SECONDS);
		List<Candidate> approved = this.transactions.run(() -> withinCaps(
				this.store.find(new CandidateFilter(this.profile.name(), CandidateState.APPROVED, null)), mode, now));
		if (mode == Mode.DRY_RUN) {
			approved.forEach(c -> logger.info("Profile {}: would {} (candidate {}, rule {})", this.profile.name(),
					action(c.action()).describe(c), c.id(), c.key().rule()));
			return;
		}
		byAction(approved).forEach((action, candidates) -> {
			ReclaimChunk reclaim = new ReclaimChunk(action(action), this.store, this.transactions, now, mode);
			chunks(candidates).forEach(chunk -> contribution.incrementWriteCount(reclaim.reclaim(chunk)));
		});
	}

	/**
	 * The approved candidates the caps let through this run, oldest approval first; all of them when an operator
	 * overrode the caps, each one beyond them audited with the operator's name.
	 */
	private List<Candidate> withinCaps(List<Candidate> approved, Mode mode, Instant now) {
		String name = this.profile.name();
		ReclaimCaps.Allowance allowance = this.caps.ledger()
			.allowance(ReclaimCaps.of(this.profile.reclamation()), name, this.asOf.isBefore(now) ? this.asOf : now);
		List<Candidate> oldestFirst = approved.stream()
			.sorted(Comparator.comparing(Candidate::stateChangedAt).thenComparingLong(Candidate::id))
			.toList();
		logger.info("Profile {}: {}; {} approved candidates", name, allowance.summary(), approved.size());
		if (oldestFirst.size() <= allowance.writes()) {
			return oldestFirst;
		}
		String operator = this.caps.overriddenBy();
		if (operator != null) {
			List<Candidate> beyond = oldestFirst.subList(allowance.writes(), oldestFirst.size());
			logger.warn("Profile {}: caps overridden by {}: {} candidates written beyond them", name, operator,
					beyond.size());
			String detail = "caps overridden by " + operator + " on the command line: written beyond the "
					+ allowance.summary();
			beyond.forEach(candidate -> this.store.overrideCaps(candidate, operator, detail, now, mode));
			return oldestFirst;
		}
		logger.info("Profile {}: {} approved candidates wait for the caps (oldest approvals go first)", name,
				oldestFirst.size() - allowance.writes());
		return oldestFirst.subList(0, allowance.writes());
	}

	/** The action of a type: the constructor registers one for every {@link Action}. */
	private ReclaimAction action(Action type) {
		return Objects.requireNonNull(this.actions.get(type), () -> "no reclaim action for " + type);
	}

	/** Candidates left RECLAIMING by an interrupted run: settled by what Salesforce shows, never written again blind. */
	private void recoverInterrupted(Mode mode) {
		List<Candidate> interrupted = this.transactions.run(
				() -> this.store.find(new CandidateFilter(this.profile.name(), CandidateState.RECLAIMING, null)));
		byAction(interrupted).forEach((type, candidates) -> chunks(candidates).forEach(chunk -> {
			ReclaimAction action = action(type);
			Map<Long, ReclaimAction.Target> pending = action.pending(chunk);
			this.transactions.run(() -> {
				chunk.forEach(c -> this.store.move(c, CandidateState.RECLAIMING,
						pending.containsKey(c.id()) ? CandidateState.APPROVED : CandidateState.RECLAIMED,
						pending.containsKey(c.id()) ? "the interrupted " + action.noun() + " did not reach Salesforce"
								: action.noun() + " confirmed in Salesforce after an interrupted run",
						this.asOf, mode));
				return chunk.size();
			});
		}));
		if (!interrupted.isEmpty()) {
			logger.info("Profile {}: {} candidates of an interrupted run checked in Salesforce", this.profile.name(),
					interrupted.size());
		}
	}

	/** Candidates by action, each action's by user, so that one user's candidates share a chunk (and a write). */
	private static Map<Action, List<Candidate>> byAction(List<Candidate> candidates) {
		return candidates.stream()
			.sorted(Comparator.comparing((Candidate c) -> c.key().userId()).thenComparingLong(Candidate::id))
			.collect(Collectors.groupingBy(Candidate::action, LinkedHashMap::new, Collectors.toList()));
	}

	private static List<List<Candidate>> chunks(List<Candidate> candidates) {
		List<List<Candidate>> chunks = new ArrayList<>();
		for (int start = 0; start < candidates.size(); start += SalesforceClient.COMPOSITE_CHUNK_SIZE) {
			chunks.add(candidates.subList(start, Math.min(start + SalesforceClient.COMPOSITE_CHUNK_SIZE, candidates.size())));
		}
		return chunks;
	}

}
