package dev.seatkeeper.job;

/**
 * The integration user may not read or change what the profile needs, or the org lacks what the profile names (a
 * downgrade's target profile): a configuration problem in Salesforce or the profile, which relaunching does not fix. The run fails before anything is written and exits as invalid configuration.
 */
public class MissingAccessException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public MissingAccessException(String message) {
		super(message);
	}

}
