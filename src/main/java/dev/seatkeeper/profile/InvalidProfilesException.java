package dev.seatkeeper.profile;

import java.util.List;

/** Profiles that cannot be used; each message names the file and the field. Retrying does not help. */
public class InvalidProfilesException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> problems;

	public InvalidProfilesException(List<String> problems) {
		super("Invalid profiles:\n  " + String.join("\n  ", problems));
		this.problems = List.copyOf(problems);
	}

	/** One profile that cannot be used, said in one line (what an operator reads first), with the problems behind it. */
	public InvalidProfilesException(String message, List<String> problems) {
		super(message);
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
