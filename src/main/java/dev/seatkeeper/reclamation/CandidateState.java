package dev.seatkeeper.reclamation;

/**
 * Where a candidate stands. NEW, NOTIFIED and APPROVED are open: the license may still be reclaimed. RECLAIMING marks
 * a candidate whose write to Salesforce was sent; only the reclaim step moves it on, after checking Salesforce when a
 * run was interrupted. RECLAIMED, FAILED and REJECTED are settled by an action or an operator and stay so; CANCELED and
 * SKIPPED reopen as NEW when the holding is idle and no longer excluded on a later run.
 */
public enum CandidateState {

	NEW, NOTIFIED, APPROVED, RECLAIMING, RECLAIMED, FAILED, CANCELED, REJECTED, SKIPPED;

	public boolean isOpen() {
		return this == NEW || this == NOTIFIED || this == APPROVED;
	}

	/** Whether the rules of a run leave the candidate as it is: settled, or in the hands of the reclaim step. */
	public boolean isBeyondRules() {
		return isSettled() || this == RECLAIMING;
	}

	public boolean isSettled() {
		return this == RECLAIMED || this == FAILED || this == REJECTED;
	}

}
