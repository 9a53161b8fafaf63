package dev.seatkeeper.sandbox.fault;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API calls being served right now, and since when: Salesforce limits how many long-running requests (over 20
 * seconds) an org may have in flight at once (25 in production orgs, 5 in Developer Edition and trial orgs) and
 * refuses any request beyond that with {@code 403 REQUEST_LIMIT_EXCEEDED} "ConcurrentRequests (Concurrent API
 * Requests) Limit exceeded.". Thread-safe.
 */
public final class LongRequests {

	private final ConcurrentHashMap<Long, Long> startedAt = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	/**
	 * Admits a call unless {@code limit} calls have already been in flight for at least {@code longRunningMs}.
	 * @return the admitted call's ticket for {@link #end(long)}, or -1 when refused
	 */
	public long begin(int limit, long longRunningMs) {
		long now = System.nanoTime();
		if (limit > 0) {
			long threshold = longRunningMs * 1_000_000L;
			long running = this.startedAt.values().stream().filter((start) -> now - start >= threshold).count();
			if (running >= limit) {
				return -1;
			}
		}
		long ticket = this.ids.incrementAndGet();
		this.startedAt.put(ticket, now);
		return ticket;
	}

	public void end(long ticket) {
		this.startedAt.remove(ticket);
	}

}
