package dev.seatkeeper.reconciliation;

/** Reclamation figures of one model in one run: candidates still open, and licenses reclaimed by the run. */
public record ReclamationCounts(int openCandidates, int reclaimedThisRun) {

	public static final ReclamationCounts NONE = new ReclamationCounts(0, 0);

}
