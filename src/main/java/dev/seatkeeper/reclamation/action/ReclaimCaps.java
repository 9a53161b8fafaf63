package dev.seatkeeper.reclamation.action;

import java.util.Locale;

import dev.seatkeeper.profile.ReclamationSettings;
import org.jspecify.annotations.Nullable;

/**
 * How many reclaim writes a profile may still make: at most {@code maxPerRun} and at most the share
 * {@code maxShareOfActiveUsers} of the org's active users (rounded down) in any rolling 24 hours, and at most
 * {@code maxPerWeek} (when set) in any rolling 7 days, less the writes already made in those windows. The windows
 * count writes, not runs, so no run date, restart or manual approval gets around them. A cap never lets more through.
 */
public record ReclaimCaps(int maxPerRun, double maxShareOfActiveUsers, @Nullable Integer maxPerWeek) {

	public ReclaimCaps(int maxPerRun, double maxShareOfActiveUsers) {
		this(maxPerRun, maxShareOfActiveUsers, null);
	}

	public static ReclaimCaps of(ReclamationSettings settings) {
		return new ReclaimCaps(settings.maxPerRun(), settings.maxShareOfActiveUsers(), settings.maxPerWeek());
	}

	/** The writes a day allows: the lower of {@code maxPerRun} and the share of the active users. */
	public int dailyLimit(int activeUsers) {
		return Math.min(this.maxPerRun, (int) Math.floor(this.maxShareOfActiveUsers * activeUsers));
	}

	/** What is left of the daily limit once {@code used} writes are counted against it; never negative. */
	public int allowance(int activeUsers, int used) {
		return Math.max(0, dailyLimit(activeUsers) - used);
	}

	/** What is left of every cap, given the writes of the last 24 hours and 7 days. */
	public Allowance allowance(int activeUsers, CapUsage usage) {
		int left = allowance(activeUsers, usage.writesLastDay());
		if (this.maxPerWeek != null) {
			left = Math.min(left, Math.max(0, this.maxPerWeek - usage.writesLastWeek()));
		}
		return new Allowance(this, activeUsers, usage, left);
	}

	/**
	 * What the caps leave for reclaim writes ({@code writes}) and for new approvals ({@code approvals}: the writes
	 * left less the approvals already waiting, which will take them first).
	 */
	public record Allowance(ReclaimCaps caps, int activeUsers, CapUsage usage, int writes) {

		public int approvals() {
			return Math.max(0, this.writes - this.usage.approvedInFlight());
		}

		/** The run log's line: "caps allow N (M used in the last 24 h)". */
		public String summary() {
			return "caps allow " + this.writes + " (" + this.usage.writesLastDay() + " used in the last 24 h)";
		}

		/** How the allowance was reached, for {@code candidates preview}. */
		public String arithmetic() {
			StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
					"daily limit min(maxPerRun %d, maxShareOfActiveUsers %s x %d active users = %d) = %d; %d written in the last 24 h",
					this.caps.maxPerRun(), this.caps.maxShareOfActiveUsers(), this.activeUsers,
					(int) Math.floor(this.caps.maxShareOfActiveUsers() * this.activeUsers), this.caps.dailyLimit(this.activeUsers),
					this.usage.writesLastDay()));
			if (this.caps.maxPerWeek() != null) {
				text.append(String.format(Locale.ROOT, "; maxPerWeek %d, %d written in the last 7 days",
						this.caps.maxPerWeek(), this.usage.writesLastWeek()));
			}
			return text.append(String.format(Locale.ROOT, "; %d writes left, %d approved waiting, so %d new approvals",
					this.writes, this.usage.approvedInFlight(), approvals())).toString();
		}

	}

}
