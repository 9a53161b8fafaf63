package dev.seatkeeper.sandbox.org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every record a write asked to change, in the order the org was asked, whether it was changed or refused: what a
 * test needs to prove that no record was written twice (the request log sees only paths, and composite updates
 * carry their Ids in the body). Thread-safe.
 */
public final class WriteJournal {

	/** One record of one write request: {@code UPDATE} or {@code DELETE}, the record's Id, and whether it was saved. */
	public record Entry(Instant time, String operation, String id, boolean saved) {
	}

	private final List<Entry> entries = new ArrayList<>();

	synchronized void add(String operation, String id, boolean saved) {
		this.entries.add(new Entry(Instant.now(), operation, SfId.isWellFormed(id) ? SfId.to18(id) : id, saved));
	}

	public synchronized List<Entry> entries() {
		return List.copyOf(this.entries);
	}

	public synchronized void clear() {
		this.entries.clear();
	}

}
