package dev.seatkeeper.job;

/**
 * The integration user may not read or change what the profile needs: a configuration problem in Salesforce, which
 * relaunching does not fix. The run fails before anything is written and exits as invalid configuration.
 */
public class MissingAccessException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public MissingAccessException(String message) {
		super(message);
	}

}
