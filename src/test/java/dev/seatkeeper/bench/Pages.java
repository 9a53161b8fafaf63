package dev.seatkeeper.bench;

/** Salesforce query pages: at most 2,000 records each, and a query answers at least one page. */
final class Pages {

	static final int RECORDS_PER_PAGE = 2000;

	private Pages() {
	}

	static long of(long records) {
		return Math.max(1, (records + RECORDS_PER_PAGE - 1) / RECORDS_PER_PAGE);
	}

}
