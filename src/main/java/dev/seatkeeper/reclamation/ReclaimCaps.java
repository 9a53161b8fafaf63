package dev.seatkeeper.reclamation;

/**
 * How many candidates one run may approve for reclaiming: at most {@code maxPerRun}, and at most the share
 * {@code maxShareOfActiveUsers} of the org's active users (rounded down), less those already approved and not yet
 * reclaimed. What exceeds the allowance waits for a later run; a cap never lets more through.
 */
public record ReclaimCaps(int maxPerRun, double maxShareOfActiveUsers) {

	public int allowance(int activeUsers, int alreadyApproved) {
		int byShare = (int) Math.floor(this.maxShareOfActiveUsers * activeUsers);
		return Math.max(0, Math.min(this.maxPerRun, byShare) - alreadyApproved);
	}

}
