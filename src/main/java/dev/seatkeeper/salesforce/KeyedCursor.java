package dev.seatkeeper.salesforce;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Walks a {@link KeyedQuery} page by page: follows {@code nextRecordsUrl} within one keyed query, issues the next
 * keyed query from the last key once a {@code LIMIT}-full answer is done, and when Salesforce has expired the query
 * locator ({@code INVALID_QUERY_LOCATOR}) re-issues the keyed query from the last key instead of failing. A step
 * reader saves {@link #lastKey()} with each chunk and builds a new cursor from it on restart.
 *
 * <p>Given an executor, the cursor asks for the next page as soon as the current page's {@code nextRecordsUrl} is
 * read (Salesforce sends it before the records), so one page's transfer and parsing overlap the next page's latency.
 * At most one page is asked for that the caller has not yet taken: memory stays at a few pages per cursor.
 *
 * <p>Not thread-safe: one cursor per reader (the early requests synchronize among themselves).
 */
public final class KeyedCursor {

	private final SalesforceClient client;

	private final KeyedQuery query;

	private @Nullable Key lastKey;

	private @Nullable String nextRecordsUrl;

	private long receivedInQuery;

	private boolean exhausted;

	private final @Nullable Executor pagesAhead;

	/** The page asked for early that {@link #nextPage()} has not taken yet; guarded by {@code this}. */
	private @Nullable EarlyPage untaken;

	/** The address the untaken page names as its next, once read; guarded by {@code this}. */
	private @Nullable String addressAfterUntaken;

	KeyedCursor(SalesforceClient client, KeyedQuery query, @Nullable Key after, @Nullable Executor pagesAhead) {
		this.client = client;
		this.query = query;
		this.lastKey = after;
		this.pagesAhead = pagesAhead;
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
				return follow(this.nextRecordsUrl);
			}
			catch (SalesforceApiException ex) {
				if (!ex.is("INVALID_QUERY_LOCATOR")) {
					throw ex;
				}
			}
		}
		this.receivedInQuery = 0;
		return this.client.queryPage(this.query.soql(this.lastKey), this::nextAddressRead);
	}

	private QueryPage follow(String url) {
		CompletableFuture<QueryPage> early = take(url);
		if (early == null) {
			return this.client.nextPage(url, this::nextAddressRead);
		}
		try {
			return early.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw ex;
		}
	}

	/** Called while a page is read, with the address of the page after it (again if that page is read again). */
	private synchronized void nextAddressRead(String url) {
		if (this.pagesAhead == null) {
			return;
		}
		if (this.untaken == null) {
			this.untaken = request(url);
		}
		else if (!this.untaken.url().equals(url)) {
			this.addressAfterUntaken = url;
		}
	}

	/** The answer asked for early for this address, if any; asks for the page after it once its address is known. */
	private synchronized @Nullable CompletableFuture<QueryPage> take(String url) {
		EarlyPage early = this.untaken;
		String after = this.addressAfterUntaken;
		this.untaken = null;
		this.addressAfterUntaken = null;
		if (early == null || !early.url().equals(url)) {
			return null;
		}
		if (after != null) {
			this.untaken = request(after);
		}
		return early.answer();
	}

	private EarlyPage request(String url) {
		return new EarlyPage(url,
				CompletableFuture.supplyAsync(() -> this.client.nextPage(url, this::nextAddressRead), this.pagesAhead));
	}

	private record EarlyPage(String url, CompletableFuture<QueryPage> answer) {
	}

}
