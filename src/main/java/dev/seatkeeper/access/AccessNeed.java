package dev.seatkeeper.access;

import org.jspecify.annotations.Nullable;

/**
 * One thing a run needs the integration user to be allowed: what (an object read, a field update, a delete), who
 * needs it (a step or a reclamation rule), the Salesforce permission that grants it, and, for needs a step can do
 * without, what is skipped instead.
 */
record AccessNeed(String what, String usedBy, String grantedBy, @Nullable String skipped) {

	static final String VIEW_SETUP = "View Setup and Configuration";

	static final String MANAGE_USERS = "Manage Users";

	static AccessNeed required(String what, String usedBy, String grantedBy) {
		return new AccessNeed(what, usedBy, grantedBy, null);
	}

	boolean canDoWithout() {
		return this.skipped != null;
	}

	/** {@code LoginHistory, read by pullActivity (grant Manage Users or Monitor Login History)}. */
	String describe() {
		return this.what + ", " + this.usedBy + " (grant " + this.grantedBy + ")";
	}

}
