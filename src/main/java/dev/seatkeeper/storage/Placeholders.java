package dev.seatkeeper.storage;

import java.util.Collections;

/** JDBC parameter markers for a statement built at run time, e.g. the list of an {@code IN (...)}. */
public final class Placeholders {

	private Placeholders() {
	}

	/** {@code ?, ?, ?} for three. */
	public static String of(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

}
