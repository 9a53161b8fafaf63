package dev.seatkeeper.salesforce;

/**
 * What happened to one requested record of a composite write: the Id we asked about and Salesforce's result for it,
 * paired by position in the request.
 */
public record SaveOutcome(String requestedId, SaveResult result) {

	public boolean success() {
		return result.success();
	}

}
