package dev.seatkeeper.salesforce;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Walks a {@link KeyedQuery} page by page: follows {@code nextRecordsUrl} within one keyed query, issues the next
 * keyed query from the last key once a {@code LIMIT}-full answer is done, and when Salesforce has expired the query
 * locator ({@code INVALID_QUERY_LOCATOR}) re-issues the keyed query from the last key instead of failing. A step
 * reader saves {@link #lastKey()} with each chunk and builds a new cursor from it on restart.
 *
 * <p>Not thread-safe: one cursor per reader.
 */
public final class KeyedCursor {

	private final SalesforceClient client;

	private final KeyedQuery query;

	private @Nullable Key lastKey;

	private @Nullable String nextRecordsUrl;

	private long receivedInQuery;

	private boolean exhausted;

	KeyedCursor(SalesforceClient client, KeyedQuery query, @Nullable Key after) {
		this.client = client;
		this.query = query;
		this.lastKey = after;
	}

	/** The next page of records, empty once there are no more. */
	public List<JsonNode> nextPage() {
		while (!this.exhausted) {
			QueryPage page = fetch();
			this.receivedInQuery += page.records().size();
			if (!page.records().isEmpty()) {
				this.lastKey = this.query.keyOf(page.records().get(page.records().size() - 1));
			}
			if (page.hasNext()) {
				this.nextRecordsUrl = page.nextRecordsUrl();
			}
			else {
				this.nextRecordsUrl = null;
				this.exhausted = this.receivedInQuery < this.query.limit();
			}
			if (!page.records().isEmpty()) {
				return page.records();
			}
		}
		return List.of();
	}

	/** The key of the last record returned, or the starting key. */
	public @Nullable Key lastKey() {
		return this.lastKey;
	}

	public boolean isExhausted() {
		return this.exhausted;
	}

	private QueryPage fetch() {
		if (this.nextRecordsUrl != null) {
			try {
				return this.client.nextPage(this.nextRecordsUrl);
			}
			catch (SalesforceApiException ex) {
				if (!ex.is("INVALID_QUERY_LOCATOR")) {
					throw ex;
				}
			}
		}
		this.receivedInQuery = 0;
		return this.client.queryPage(this.query.soql(this.lastKey));
	}

}
