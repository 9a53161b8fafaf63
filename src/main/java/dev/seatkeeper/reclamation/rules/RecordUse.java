package dev.seatkeeper.reclamation.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * A user's record activity on the objects a license is for ({@code activity.records.objects}): the objects
 * {@code recordActivity} has read for that license, and per object the last record the user created or edited.
 * {@link #NOT_READ} when no object of the license has been read: use cannot then be judged, and a rule on use leaves
 * the holding alone rather than take silence for idleness. Immutable.
 *
 * @param objects the license's objects whose activity was read, sorted
 * @param lastByObject per object the user touched, the latest create or edit
 */
public record RecordUse(List<String> objects, Map<String, Instant> lastByObject) {

	public static final RecordUse NOT_READ = new RecordUse(List.of(), Map.of());

	public RecordUse {
		objects = List.copyOf(objects);
		lastByObject = Map.copyOf(new TreeMap<>(lastByObject));
	}

	public boolean isRead() {
		return !this.objects.isEmpty();
	}

	/** The latest create or edit on any of the license's objects; {@code null} when none. */
	public @Nullable Instant last() {
		return this.lastByObject.values().stream().max(Instant::compareTo).orElse(null);
	}

}
