package dev.seatkeeper.sandbox.fault;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests the sandbox answered, newest last, so a test can assert what a client actually sent (how many
 * pages, which retries). Keeps the latest {@value #CAPACITY} entries. Only path and query are kept: tokens and
 * secrets travel in headers and bodies and are never recorded. Thread-safe.
 */
public final class RequestLog {

	static final int CAPACITY = 100_000;

	private final ArrayDeque<Entry> entries = new ArrayDeque<>();

	private final AtomicLong responseBytes = new AtomicLong();

	/** One answered request. */
	public record Entry(Instant time, String method, String pathAndQuery, int status) {
	}

	public synchronized void add(Entry entry) {
		if (this.entries.size() == CAPACITY) {
			this.entries.removeFirst();
		}
		this.entries.addLast(entry);
	}

	public synchronized List<Entry> entries() {
		return List.copyOf(this.entries);
	}

	/** Counts response body bytes as they went on the wire (compressed when the answer was). */
	public void addResponseBytes(long bytes) {
		this.responseBytes.addAndGet(bytes);
	}

	/** Response body bytes sent for logged requests since the log was last cleared: what a client received. */
	public long responseBytes() {
		return this.responseBytes.get();
	}

	public synchronized void clear() {
		this.entries.clear();
		this.responseBytes.set(0);
	}

}
