package dev.seatkeeper.reclamation.candidate;

/**
 * Where a candidate stands. NEW, NOTIFIED and APPROVED are pending: each run's rules may still cancel them.
 * RECLAIMING marks a candidate whose write to Salesforce was sent; only the reclaim step moves it on, after checking
 * Salesforce when a run was interrupted. Pending and RECLAIMING candidates are open: their seat may still be freed, and
 * the reports count them as pending savings. RECLAIMED, FAILED and REJECTED are settled by an action or an operator and stay so; CANCELED and
 * SKIPPED reopen as NEW when the holding is idle and no longer excluded on a later run.
 */
public enum CandidateState {

	NEW, NOTIFIED, APPROVED, RECLAIMING, RECLAIMED, FAILED, CANCELED, REJECTED, SKIPPED;

	/** The seat may still be freed: pending, or its write sent. */
	public boolean isOpen() {
		return isPending() || this == RECLAIMING;
	}

	/** Open and still decided by each run's rules: nothing was sent to Salesforce yet. */
	public boolean isPending() {
		return this == NEW || this == NOTIFIED || this == APPROVED;
	}

	/** The open states as an SQL list, {@code ('NEW', ...)}, for queries that count open candidates. */
	public static String openStatesSql() {
		return java.util.Arrays.stream(values())
			.filter(CandidateState::isOpen)
			.map((state) -> "'" + state.name() + "'")
			.collect(java.util.stream.Collectors.joining(", ", "(", ")"));
	}

	/** Whether the rules of a run leave the candidate as it is: settled, or in the hands of the reclaim step. */
	public boolean isBeyondRules() {
		return isSettled() || this == RECLAIMING;
	}

	public boolean isSettled() {
		return this == RECLAIMED || this == FAILED || this == REJECTED;
	}

}
