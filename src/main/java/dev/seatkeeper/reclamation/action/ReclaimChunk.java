package dev.seatkeeper.reclamation.action;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.reclamation.candidate.CandidateState;
import dev.seatkeeper.reclamation.candidate.CandidateStore;
import dev.seatkeeper.salesforce.SaveOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Chunks of at most 200 approved candidates of one action, in enforce mode. For each: look up what is still to write
 * (reads only), mark those candidates RECLAIMING and commit, make the one composite call, commit each result. Between
 * the two commits there is nothing but that call, so a crash leaves in RECLAIMING exactly the candidates whose write
 * may have reached Salesforce. A record Salesforce refuses for a passing reason ({@code UNABLE_TO_LOCK_ROW}) sends its
 * candidates back to APPROVED for a later run, at most {@link #MAX_WRITE_ATTEMPTS} runs in all. Not thread-safe: one
 * per action and step execution.
 */
public final class ReclaimChunk {

	/** Runs on which a write refused for a passing reason (a row lock) is tried before the candidate fails. */
	static final int MAX_WRITE_ATTEMPTS = 3;

	private final ReclaimAction action;

	private final CandidateStore store;

	private final NewTransactions transactions;

	private final Instant asOf;

	private final Mode mode;

	ReclaimChunk(ReclaimAction action, CandidateStore store, NewTransactions transactions, Instant asOf, Mode mode) {
		this.action = action;
		this.store = store;
		this.transactions = transactions;
		this.asOf = asOf;
		this.mode = mode;
	}

	/** @return how many candidates were reclaimed */
	int reclaim(List<Candidate> chunk) {
		List<Candidate> applicable = this.transactions.run(() -> failUnsupported(chunk));
		Map<Long, ReclaimAction.Target> pending = applicable.isEmpty() ? Map.of() : this.action.pending(applicable);
		Map<Long, String> notes = pending.isEmpty() ? Map.of() : this.action.refusalNotes(pending.values());
		List<ReclaimAction.Target> marked = this.transactions.run(() -> mark(applicable, pending));
		if (marked.isEmpty()) {
			return 0;
		}
		Map<String, SaveOutcome> outcomes = write(marked);
		return this.transactions.run(() -> {
			int reclaimed = 0;
			for (ReclaimAction.Target target : marked) {
				SaveOutcome outcome = Objects.requireNonNull(outcomes.get(target.recordId()),
						"write() answers every record it wrote");
				if (outcome.result().failedTransiently()) {
					refusedForNow(target.candidate(), outcome);
					continue;
				}
				boolean ok = outcome.success();
				this.store.move(target.candidate(), CandidateState.RECLAIMING,
						ok ? CandidateState.RECLAIMED : CandidateState.FAILED,
						ok ? this.action.done() : refusal(outcome, notes.get(target.candidate().id())), this.asOf,
						this.mode);
				reclaimed += ok ? 1 : 0;
			}
			return reclaimed;
		});
	}

	/**
	 * Salesforce left the record unchanged for a passing reason (a row lock): back to APPROVED, so a later run writes
	 * it again, until the attempts reach {@link #MAX_WRITE_ATTEMPTS}; then FAILED with Salesforce's message. The
	 * write was refused, not applied, so sending it again writes the record once.
	 */
	private void refusedForNow(Candidate candidate, SaveOutcome outcome) {
		int attempts = this.store.countRefusedWrite(candidate);
		String message = refusal(outcome, null);
		if (attempts >= MAX_WRITE_ATTEMPTS) {
			this.store.move(candidate, CandidateState.RECLAIMING, CandidateState.FAILED,
					message + " (refused on " + attempts + " runs; giving up)", this.asOf, this.mode);
		}
		else {
			this.store.move(candidate, CandidateState.RECLAIMING, CandidateState.APPROVED, message + " (attempt "
					+ attempts + " of " + MAX_WRITE_ATTEMPTS + "; written again on the next run)", this.asOf, this.mode);
		}
	}

	/** Fails the candidates the action cannot apply to (e.g. a model of another kind); returns the others. */
	private List<Candidate> failUnsupported(List<Candidate> chunk) {
		List<Candidate> applicable = new ArrayList<>();
		for (Candidate candidate : chunk) {
			String unsupported = this.action.unsupported(candidate);
			if (unsupported == null) {
				applicable.add(candidate);
			}
			else {
				this.store.move(candidate, CandidateState.APPROVED, CandidateState.FAILED, unsupported, this.asOf,
						this.mode);
			}
		}
		return applicable;
	}

	/** Cancels candidates Salesforce shows done already; marks the rest RECLAIMING and returns their targets. */
	private List<ReclaimAction.Target> mark(List<Candidate> candidates, Map<Long, ReclaimAction.Target> pending) {
		List<ReclaimAction.Target> targets = new ArrayList<>();
		for (Candidate candidate : candidates) {
			ReclaimAction.Target target = pending.get(candidate.id());
			if (target == null) {
				this.store.move(candidate, CandidateState.APPROVED, CandidateState.CANCELED, this.action.alreadyDone(),
						this.asOf, this.mode);
			}
			else if (this.store.move(candidate, CandidateState.APPROVED, CandidateState.RECLAIMING, null, this.asOf,
					this.mode)) {
				targets.add(target);
			}
		}
		return targets;
	}

	/**
	 * One composite call with each record once: candidates of several rules or models can share a record (two rules
	 * freezing one user), and one record is never written twice.
	 * @return the outcome by record Id
	 */
	private Map<String, SaveOutcome> write(List<ReclaimAction.Target> targets) {
		Map<String, ReclaimAction.Target> byRecord = new LinkedHashMap<>();
		targets.forEach(target -> byRecord.putIfAbsent(target.recordId(), target));
		List<String> records = List.copyOf(byRecord.keySet());
		List<SaveOutcome> outcomes = this.action.write(List.copyOf(byRecord.values()));
		Map<String, SaveOutcome> byRecordId = new HashMap<>();
		for (int i = 0; i < records.size(); i++) {
			byRecordId.put(records.get(i), outcomes.get(i));
		}
		return byRecordId;
	}

	private static String refusal(SaveOutcome outcome, @Nullable String note) {
		String message = outcome.result()
			.errorList()
			.stream()
			.map(error -> error.code() + ": " + error.message())
			.collect(Collectors.joining("; "));
		message = message.isEmpty() ? "Salesforce refused the write without a message" : message;
		return (note != null) ? message + " (" + note + ")" : message;
	}

}
