package dev.seatkeeper.reclamation.action;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.salesforce.SaveOutcome;
import org.jspecify.annotations.Nullable;

/**
 * One way of reclaiming a license in Salesforce, as the {@code reclaim} step drives it: find what is still to write
 * for a chunk of at most 200 candidates (reads only), then write it in one composite call. The same look-up tells a
 * restart whether an interrupted write took effect, so no candidate is written twice. Implementations hold only a
 * client and are thread-safe.
 */
public interface ReclaimAction {

	Action action();

	/** The write for one candidate in words, e.g. {@code freeze user 005...}: dry-run logs it after "would". */
	String describe(Candidate candidate);

	/** The action's outcome as a noun, e.g. {@code freeze}, for "freeze confirmed in Salesforce ...". */
	String noun();

	/** The reason a reclaimed candidate records, e.g. {@code user frozen}. */
	String done();

	/** The reason a candidate is canceled when Salesforce already shows the action's effect. */
	String alreadyDone();

	/** Why this action cannot apply to the candidate at all (e.g. its model is no package license), or null. */
	default @Nullable String unsupported(Candidate candidate) {
		return null;
	}

	/**
	 * The records Salesforce still has to change, by candidate id. A candidate without an entry already shows the
	 * action's effect (user inactive, login frozen, assignment gone). Reads only.
	 */
	Map<Long, Target> pending(List<Candidate> candidates);

	/** Notes for candidates whose write Salesforce may refuse, by candidate id, looked up before writing. Reads only. */
	default Map<Long, String> refusalNotes(Collection<Target> targets) {
		return Map.of();
	}

	/** One composite call for at most 200 targets: one outcome per target, in order. */
	List<SaveOutcome> write(List<Target> targets);

	/**
	 * The record one candidate's write changes.
	 * @param licenseId the license the record assigns, where the action needs it to explain a refusal
	 */
	record Target(Candidate candidate, String recordId, @Nullable String licenseId) {
	}

}
