package dev.seatkeeper.reclamation;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.seatkeeper.job.SalesforceTasklet;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.salesforce.SObjectUpdate;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceRecords;
import dev.seatkeeper.salesforce.SaveOutcome;
import dev.seatkeeper.salesforce.Soql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code reclaim} step: deactivates the users of approved {@code deactivate} candidates. In {@code detect} mode it
 * does nothing; in {@code dry-run} it logs what it would do. In {@code enforce} each chunk of at most 200 candidates is
 * marked RECLAIMING and committed before the one composite call, and every per-record result is committed after it,
 * so a crash in between leaves RECLAIMING rows. A restart asks Salesforce whether those users are already inactive
 * before writing again, so no candidate is written twice. Candidates of other actions are left approved.
 *
 * <p>The tasklet's own reads and writes run in new transactions (the given template must propagate
 * REQUIRES_NEW) so each mark is committed before Salesforce is called.
 */
public class ReclaimTasklet extends SalesforceTasklet {

	private static final Logger logger = LoggerFactory.getLogger(ReclaimTasklet.class);

	private final CandidateStore store;

	private final SalesforceClient client;

	private final TransactionTemplate newTransaction;

	private final Profile profile;

	private final Instant asOf;

	public ReclaimTasklet(CandidateStore store, SalesforceClient client, TransactionTemplate newTransaction,
			Profile profile, Instant asOf) {
		this.store = store;
		this.client = client;
		this.newTransaction = newTransaction;
		this.profile = profile;
		this.asOf = asOf;
	}

	@Override
	protected void run(StepContribution contribution, ChunkContext chunkContext) {
		Mode mode = this.profile.reclamation().mode();
		if (mode == Mode.DETECT) {
			return;
		}
		recoverInterrupted(mode);
		List<Candidate> approved = inNewTransaction(
				() -> this.store.find(new CandidateFilter(this.profile.name(), CandidateState.APPROVED, null)));
		List<Candidate> deactivations = approved.stream().filter(c -> c.action() == Action.DEACTIVATE).toList();
		if (approved.size() > deactivations.size()) {
			logger.warn("Profile {}: {} approved candidates need freeze or license removal, which this version does "
					+ "not perform; they stay approved", this.profile.name(), approved.size() - deactivations.size());
		}
		if (mode == Mode.DRY_RUN) {
			deactivations.forEach(c -> logger.info("Profile {}: would deactivate user {} (candidate {}, rule {})",
					this.profile.name(), c.key().userId(), c.id(), c.key().rule()));
			return;
		}
		for (int start = 0; start < deactivations.size(); start += SalesforceClient.COMPOSITE_CHUNK_SIZE) {
			List<Candidate> chunk = deactivations.subList(start,
					Math.min(start + SalesforceClient.COMPOSITE_CHUNK_SIZE, deactivations.size()));
			contribution.incrementWriteCount(deactivate(chunk, mode));
		}
	}

	private int deactivate(List<Candidate> chunk, Mode mode) {
		List<Candidate> marked = inNewTransaction(() -> chunk.stream()
			.filter(c -> this.store.move(c, CandidateState.APPROVED, CandidateState.RECLAIMING, null, this.asOf, mode))
			.toList());
		if (marked.isEmpty()) {
			return 0;
		}
		List<SaveOutcome> outcomes = this.client.updateAll(marked.stream()
			.map(c -> new SObjectUpdate("User", c.key().userId(), Map.of("IsActive", false)))
			.toList());
		return inNewTransaction(() -> {
			int reclaimed = 0;
			for (int i = 0; i < marked.size(); i++) {
				SaveOutcome outcome = outcomes.get(i);
				boolean ok = outcome.success();
				this.store.move(marked.get(i), CandidateState.RECLAIMING,
						ok ? CandidateState.RECLAIMED : CandidateState.FAILED,
						ok ? "user deactivated" : message(outcome), this.asOf, mode);
				reclaimed += ok ? 1 : 0;
			}
			return reclaimed;
		});
	}

	/** Candidates left RECLAIMING by an interrupted run: settled by what Salesforce shows, never written again blind. */
	private void recoverInterrupted(Mode mode) {
		List<Candidate> interrupted = inNewTransaction(
				() -> this.store.find(new CandidateFilter(this.profile.name(), CandidateState.RECLAIMING, null)));
		if (interrupted.isEmpty()) {
			return;
		}
		Set<String> stillActive = stillActive(interrupted.stream().map(c -> c.key().userId()).distinct().toList());
		inNewTransaction(() -> {
			for (Candidate candidate : interrupted) {
				if (stillActive.contains(candidate.key().userId())) {
					this.store.move(candidate, CandidateState.RECLAIMING, CandidateState.APPROVED,
							"the interrupted deactivation did not reach Salesforce", this.asOf, mode);
				}
				else {
					this.store.move(candidate, CandidateState.RECLAIMING, CandidateState.RECLAIMED,
							"deactivation confirmed in Salesforce after an interrupted run", this.asOf, mode);
				}
			}
			return interrupted.size();
		});
		logger.info("Profile {}: {} candidates of an interrupted run checked in Salesforce", this.profile.name(),
				interrupted.size());
	}

	private Set<String> stillActive(List<String> userIds) {
		Set<String> active = new HashSet<>();
		for (int start = 0; start < userIds.size(); start += SalesforceClient.COMPOSITE_CHUNK_SIZE) {
			List<String> ids = userIds.subList(start, Math.min(start + SalesforceClient.COMPOSITE_CHUNK_SIZE, userIds.size()));
			this.client.query("SELECT Id FROM User WHERE IsActive = true AND Id IN (" + Soql.quoteAll(ids) + ")")
				.map(user -> SalesforceRecords.text(user, "Id"))
				.filter(Objects::nonNull)
				.forEach(active::add);
		}
		return active;
	}

	private static String message(SaveOutcome outcome) {
		String message = outcome.result()
			.errorList()
			.stream()
			.map(error -> error.statusCode() + ": " + error.message())
			.collect(Collectors.joining("; "));
		return message.isEmpty() ? "Salesforce refused the update without a message" : message;
	}

	private <T> T inNewTransaction(Supplier<T> work) {
		T result = this.newTransaction.execute(status -> work.get());
		if (result == null) {
			throw new IllegalStateException("A reclaim transaction returned nothing");
		}
		return result;
	}

}
