package dev.seatkeeper.reclamation;

/**
 * Where a candidate stands. NEW, NOTIFIED and APPROVED are open: the license may still be reclaimed. RECLAIMED,
 * FAILED and REJECTED are settled by an action or an operator and stay so; CANCELED and SKIPPED reopen as NEW when the
 * holding is idle and no longer excluded on a later run.
 */
public enum CandidateState {

	NEW, NOTIFIED, APPROVED, RECLAIMED, FAILED, CANCELED, REJECTED, SKIPPED;

	public boolean isOpen() {
		return this == NEW || this == NOTIFIED || this == APPROVED;
	}

	public boolean isSettled() {
		return this == RECLAIMED || this == FAILED || this == REJECTED;
	}

}
