package dev.seatkeeper.salesforce;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The position of a keyed query: the last record seen, by {@code Id}, or by a time field then {@code Id} (login
 * history). Small and serializable as two strings, so a step keeps it in its ExecutionContext and a restart resumes
 * exactly after it.
 *
 * @param time the time field's value for compound keys, {@code null} for Id-only keys
 */
public record Key(@Nullable Instant time, String id) {

	public Key {
		Assert.hasText(id, "'id' must not be empty");
	}

	public static Key id(String id) {
		return new Key(null, id);
	}

	public static Key of(Instant time, String id) {
		Assert.notNull(time, "'time' must not be null");
		return new Key(time, id);
	}

}
