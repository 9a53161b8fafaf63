package dev.seatkeeper.job;

/**
 * The org is not set up for what the profile needs: the integration user may not read or change what the steps and
 * actions need, or the org lacks what the profile names (a downgrade's target profile). A configuration problem in
 * Salesforce or in the profile, which relaunching does not fix: the run fails before anything is written and exits
 * as invalid configuration.
 */
public class OrgSetupException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public OrgSetupException(String message) {
		super(message);
	}

}
