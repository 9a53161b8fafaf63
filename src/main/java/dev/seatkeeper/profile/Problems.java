package dev.seatkeeper.profile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a profile file, each naming the file and the field, so one run shows them all. */
final class Problems {

	private final Path file;

	private final List<String> messages = new ArrayList<>();

	Problems(Path file) {
		this.file = file;
	}

	void add(String field, String message) {
		this.messages.add(this.file + ": " + (field.isEmpty() ? "" : field + ": ") + message);
	}

	/** A problem at a line of the file (1-based), for what only the text shows, such as a key written twice. */
	void addAt(int line, String field, String message) {
		this.messages.add(this.file + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ") + message);
	}

	List<String> messages() {
		return List.copyOf(this.messages);
	}

	boolean isEmpty() {
		return this.messages.isEmpty();
	}

}
