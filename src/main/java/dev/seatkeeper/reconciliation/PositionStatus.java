package dev.seatkeeper.reconciliation;

/** How a software model stands against the rights owned. */
public enum PositionStatus {

	/** Owned covers assigned exactly, or a site license covers any number. */
	COMPLIANT,
	/** More users hold the model than seats are owned: a true-up is owed. */
	UNDER_LICENSED,
	/** More seats are owned than users hold: shelfware. */
	OVER_LICENSED,
	/** Salesforce has the model but no entitlement names it: what is owned is not known. */
	UNKNOWN,
	/** An entitlement names a model this org does not have. */
	NOT_IN_ORG

}
