package dev.seatkeeper.salesforce;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many calls one client may have in flight. Unbounded until Salesforce refuses a call for too many concurrent
 * long-running requests ("ConcurrentRequests (Concurrent API Requests) Limit exceeded."); then halved (down to one)
 * for the rest of the run, so the cursors of a partitioned step take turns instead of being refused again. The org's
 * limit is shared with every other integration, so there is no figure to aim for, only fewer.
 *
 * <p>Thread-safe: every partition of a run shares its client's gate.
 */
final class ConcurrencyGate {

	private static final Logger logger = LoggerFactory.getLogger(ConcurrencyGate.class);

	private final String profile;

	private int limit = Integer.MAX_VALUE;

	private int inFlight;

	ConcurrencyGate(String profile) {
		this.profile = profile;
	}

	/** Waits until one more call may go out. */
	synchronized void enter() {
		boolean interrupted = false;
		while (this.inFlight >= this.limit) {
			try {
				wait();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		this.inFlight++;
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	synchronized void leave() {
		this.inFlight--;
		notifyAll();
	}

	/** Salesforce refused a call of those now in flight (counted in): allow half as many from now on. */
	synchronized void narrow() {
		int narrowed = Math.max(1, Math.min(this.limit, this.inFlight) / 2);
		if (narrowed < this.limit) {
			this.limit = narrowed;
			logger.warn("Profile '{}': Salesforce refused a call for too many concurrent long-running requests "
					+ "(ConcurrentRequests); backing off with at most {} call(s) in flight", this.profile, narrowed);
		}
	}

	synchronized int limit() {
		return this.limit;
	}

}
