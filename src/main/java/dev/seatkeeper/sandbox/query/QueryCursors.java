package dev.seatkeeper.sandbox.query;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.seatkeeper.sandbox.org.SfId;
import org.jspecify.annotations.Nullable;

/**
 * Open query cursors by locator, for {@code nextRecordsUrl}. A cursor left idle longer than the timeout (15
 * minutes, as Salesforce's) is gone: the next query-more gets INVALID_QUERY_LOCATOR and the client must re-issue
 * its keyed query. Thread-safe.
 */
public final class QueryCursors {

	private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private final long idleNanos;

	public QueryCursors(Duration idleTimeout) {
		this.idleNanos = idleTimeout.toNanos();
	}

	private static final class Cursor {

		private final QueryResult result;

		private volatile long lastUsed = System.nanoTime();

		Cursor(QueryResult result) {
			this.result = result;
		}

	}

	/** Opens a cursor and returns its locator ({@code 01g...}). */
	public String open(QueryResult result) {
		sweep();
		String locator = SfId.of("01g", this.sequence.incrementAndGet());
		this.cursors.put(locator, new Cursor(result));
		return locator;
	}

	/** The cursor's result, or {@code null} when the locator is unknown or expired. */
	public @Nullable QueryResult get(String locator) {
		Cursor cursor = this.cursors.get(locator);
		if (cursor == null || expired(cursor)) {
			this.cursors.remove(locator);
			return null;
		}
		cursor.lastUsed = System.nanoTime();
		return cursor.result;
	}

	/** Drops every open cursor. */
	public void expireAll() {
		this.cursors.clear();
	}

	/** How many cursors are open (idle ones swept first). */
	public int openCount() {
		sweep();
		return this.cursors.size();
	}

	private void sweep() {
		this.cursors.values().removeIf(this::expired);
	}

	private boolean expired(Cursor cursor) {
		return System.nanoTime() - cursor.lastUsed > this.idleNanos;
	}

}
