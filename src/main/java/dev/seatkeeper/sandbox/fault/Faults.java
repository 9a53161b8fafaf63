package dev.seatkeeper.sandbox.fault;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.seatkeeper.sandbox.auth.Sessions;
import dev.seatkeeper.sandbox.limits.ApiUsage;
import dev.seatkeeper.sandbox.query.QueryCursors;

/**
 * The fault switchboard, changed at runtime from Java or from {@code POST /__sandbox/faults}. Every switch is
 * independent and takes effect on the next call; one-shot faults (fail N calls, expire sessions after N calls,
 * malformed next page) disarm themselves. The chaos mix ({@code --faults}) adds 25 ms to every call, 1.5 s to
 * every 41st, answers every 97th with 503, expires query locators every 307th and all sessions every 499th call:
 * a client that retries, re-authenticates and re-issues keyed queries finishes anyway. Thread-safe.
 */
public final class Faults {

	static final long CHAOS_LATENCY_MS = 25;

	/**
	 * Rows a sorted LoginHistory query may have in its scanned range before it times out. Salesforce publishes no
	 * figure (the query runs until the server gives up after about two minutes); a million rows is far more than
	 * any window Seatkeeper sends by default, so only an org told to be stricter refuses its queries.
	 */
	public static final long DEFAULT_SORTED_SCAN_LIMIT_ROWS = 1_000_000;

	/** Salesforce's concurrent long-running request limit of production orgs. */
	public static final int DEFAULT_CONCURRENT_REQUEST_LIMIT = 25;

	/** A request counts against the concurrent limit once it has run this long (Salesforce: 20 seconds). */
	public static final long DEFAULT_LONG_RUNNING_REQUEST_MS = 20_000;

	private final Sessions sessions;

	private final ApiUsage usage;

	private final QueryCursors cursors;

	private final AtomicLong calls = new AtomicLong();

	private final AtomicInteger sessionCountdown = new AtomicInteger(-1);

	private final AtomicInteger failRemaining = new AtomicInteger();

	private final AtomicBoolean malformedNextPage = new AtomicBoolean();

	private volatile long latencyMs;

	private volatile int failStatus = 503;

	private volatile int slowEvery;

	private volatile long slowDelayMs;

	private volatile boolean chaos;

	private volatile long writeAnswerDelayMs;

	private final List<Scheduled> scheduled = new CopyOnWriteArrayList<>();

	private final AtomicInteger lockedRecordsRemaining = new AtomicInteger();

	private final Set<String> lockedRecords = ConcurrentHashMap.newKeySet();

	private volatile long sortedScanLimitRows = DEFAULT_SORTED_SCAN_LIMIT_ROWS;

	private volatile long queryPageTimeMs;

	private volatile int concurrentRequestLimit = DEFAULT_CONCURRENT_REQUEST_LIMIT;

	private volatile long longRunningRequestMs = DEFAULT_LONG_RUNNING_REQUEST_MS;

	private final LongRequests longRequests = new LongRequests();

	/** Lower-case object names whose queries fail, with the status (500 or 503) they fail with. */
	private final Map<String, Integer> failingObjects = new ConcurrentHashMap<>();

	public Faults(Sessions sessions, ApiUsage usage, QueryCursors cursors) {
		this.sessions = sessions;
		this.usage = usage;
		this.cursors = cursors;
	}

	/** What to do to the call about to be served: how long to stall, and the status to fail with (0: none). */
	public record Disruption(long delayMs, int failStatus) {
	}

	/** Adds a fixed delay to every call (0 turns it off). */
	public Faults latency(long millis) {
		this.latencyMs = requireNonNegative(millis, "millis");
		return this;
	}

	/**
	 * Composite writes are applied at once but answered only after this delay (0 turns it off): a client killed
	 * meanwhile has changed the org without learning the outcome, the case a restart must not write twice.
	 */
	public Faults writeAnswerDelay(long millis) {
		this.writeAnswerDelayMs = requireNonNegative(millis, "millis");
		return this;
	}

	/** How long a composite write's answer is held back after the write was applied. */
	public long writeAnswerDelayMs() {
		return this.writeAnswerDelayMs;
	}

	/** Every {@code every}-th call is delayed by {@code delayMs} on top of the latency (0 turns it off). */
	public Faults slowEvery(int every, long delayMs) {
		this.slowEvery = (int) requireNonNegative(every, "every");
		this.slowDelayMs = requireNonNegative(delayMs, "delayMs");
		return this;
	}

	/** The next {@code count} calls fail with {@code status} (500 or 503). */
	public Faults failNext(int count, int status) {
		if (status != 500 && status != 503) {
			throw new IllegalArgumentException("'status' must be 500 or 503, was " + status);
		}
		this.failStatus = status;
		this.failRemaining.set((int) requireNonNegative(count, "count"));
		return this;
	}

	/** Every access token stops working now; refresh tokens and client credentials still get new ones. */
	public Faults expireSessionsNow() {
		this.sessions.invalidateAll();
		this.sessionCountdown.set(-1);
		return this;
	}

	/** Sessions expire after {@code calls} more authenticated calls succeed: the next one is refused. */
	public Faults expireSessionsAfter(int calls) {
		this.sessionCountdown.set((int) requireNonNegative(calls, "calls"));
		return this;
	}

	/** The API budget is spent at once: every call is refused with REQUEST_LIMIT_EXCEEDED. */
	public Faults exhaustApiBudget() {
		this.usage.exhaust();
		return this;
	}

	/** Every open query cursor is dropped: the next query-more gets INVALID_QUERY_LOCATOR. */
	public Faults expireQueryLocators() {
		this.cursors.expireAll();
		return this;
	}

	/** The next query or query-more page is sent as broken JSON (cut off mid-record). */
	public Faults malformedNextQueryPage() {
		this.malformedNextPage.set(true);
		return this;
	}

	/**
	 * Arms a fault when the org has served {@code afterCalls} more calls, so a test can break the middle of a run
	 * deterministically: {@code faults.afterCalls(8, Faults::expireQueryLocators)}.
	 */
	public Faults afterCalls(int afterCalls, Consumer<Faults> fault) {
		this.scheduled.add(new Scheduled(this.calls.get() + requireNonNegative(afterCalls, "afterCalls"), fault));
		return this;
	}

	/**
	 * The next {@code count} records written through sObject Collections are refused, each with
	 * {@code UNABLE_TO_LOCK_ROW} in its result (another transaction holds the row), and left unchanged.
	 */
	public Faults lockNextRecords(int count) {
		this.lockedRecordsRemaining.set((int) requireNonNegative(count, "count"));
		return this;
	}

	/** Every write of this record (15- or 18-character Id) through sObject Collections answers UNABLE_TO_LOCK_ROW. */
	public Faults lockRecord(String id) {
		this.lockedRecords.add(id.substring(0, Math.min(15, id.length())));
		return this;
	}

	/** Releases the records locked by {@link #lockRecord}. */
	public Faults unlockRecords() {
		this.lockedRecords.clear();
		return this;
	}

	/** Whether a write of this record meets a row lock now; consumes one of {@link #lockNextRecords}. */
	public boolean takeRowLock(String id) {
		if (this.lockedRecords.contains(id.substring(0, Math.min(15, id.length())))) {
			return true;
		}
		return this.lockedRecordsRemaining.getAndUpdate((c) -> c > 0 ? c - 1 : 0) > 0;
	}

	/** Turns the documented chaos mix on or off. */
	public Faults chaos(boolean on) {
		this.chaos = on;
		return this;
	}

	/**
	 * The query cost model: a LoginHistory query with an ORDER BY whose scanned range (the rows between its bounds on
	 * LoginTime and Id, which the server must sort before it answers) holds more than {@code rows} rows is answered
	 * {@code 400 QUERY_TIMEOUT} "Your query request was running for too long." (0: no limit).
	 */
	public Faults sortedScanLimit(long rows) {
		this.sortedScanLimitRows = requireNonNegative(rows, "rows");
		return this;
	}

	public long sortedScanLimitRows() {
		return this.sortedScanLimitRows;
	}

	/** Server time every query and query-more page takes before it is answered (0 turns it off). */
	public Faults queryPageTime(long millis) {
		this.queryPageTimeMs = requireNonNegative(millis, "millis");
		return this;
	}

	public long queryPageTimeMs() {
		return this.queryPageTimeMs;
	}

	/**
	 * At most {@code limit} API requests that have run for {@code longRunningMs} or more may be in flight; a request
	 * beyond is refused with {@code 403 REQUEST_LIMIT_EXCEEDED} "ConcurrentRequests (Concurrent API Requests) Limit
	 * exceeded." (limit 0: none; Salesforce's production orgs: 25 requests of 20 seconds).
	 */
	public Faults concurrentRequestLimit(int limit, long longRunningMs) {
		this.concurrentRequestLimit = (int) requireNonNegative(limit, "limit");
		this.longRunningRequestMs = requireNonNegative(longRunningMs, "longRunningMs");
		return this;
	}

	/** Admits an API call under the concurrent request limit; -1 when refused, else a ticket for {@link #endRequest}. */
	public long beginRequest() {
		return this.longRequests.begin(this.concurrentRequestLimit, this.longRunningRequestMs);
	}

	public void endRequest(long ticket) {
		this.longRequests.end(ticket);
	}

	/**
	 * Every query on the object fails with {@code status} (500 or 503) until reset: an outage of one feature that a
	 * client's retries do not get past, while the rest of the org answers.
	 */
	public Faults failQueriesOn(String object, int status) {
		if (status != 500 && status != 503) {
			throw new IllegalArgumentException("status must be 500 or 503, not " + status);
		}
		this.failingObjects.put(object.toLowerCase(java.util.Locale.ROOT), status);
		return this;
	}

	/** The status queries on the object fail with, or 0 when they are served. */
	public int queryFailure(String object) {
		return this.failingObjects.getOrDefault(object.toLowerCase(java.util.Locale.ROOT), 0);
	}

	/** Turns every fault off (the cost model and concurrent limit back to their defaults) and refills the API budget; sessions already expired stay expired. */
	public Faults reset() {
		this.latencyMs = 0;
		this.slowEvery = 0;
		this.slowDelayMs = 0;
		this.failRemaining.set(0);
		this.sessionCountdown.set(-1);
		this.malformedNextPage.set(false);
		this.chaos = false;
		this.writeAnswerDelayMs = 0;
		this.scheduled.clear();
		this.lockedRecordsRemaining.set(0);
		this.lockedRecords.clear();
		this.sortedScanLimitRows = DEFAULT_SORTED_SCAN_LIMIT_ROWS;
		this.queryPageTimeMs = 0;
		this.concurrentRequestLimit = DEFAULT_CONCURRENT_REQUEST_LIMIT;
		this.longRunningRequestMs = DEFAULT_LONG_RUNNING_REQUEST_MS;
		this.failingObjects.clear();
		this.usage.reset();
		return this;
	}

	/** Called once per served call (admin calls excepted). */
	public Disruption nextCall() {
		long n = this.calls.incrementAndGet();
		armScheduled(n);
		long delay = this.latencyMs;
		if (this.slowEvery > 0 && n % this.slowEvery == 0) {
			delay += this.slowDelayMs;
		}
		int fail = this.failRemaining.getAndUpdate((c) -> c > 0 ? c - 1 : 0) > 0 ? this.failStatus : 0;
		if (this.chaos) {
			delay += CHAOS_LATENCY_MS + (n % 41 == 0 ? 1500 : 0);
			fail = (fail == 0 && n % 97 == 0) ? 503 : fail;
			if (n % 307 == 0) {
				this.cursors.expireAll();
			}
			if (n % 499 == 0) {
				this.sessions.invalidateAll();
			}
		}
		return new Disruption(delay, fail);
	}

	private void armScheduled(long call) {
		for (Scheduled fault : this.scheduled) {
			if (call > fault.afterCall() && this.scheduled.remove(fault)) {
				fault.action().accept(this);
			}
		}
	}

	private record Scheduled(long afterCall, Consumer<Faults> action) {
	}

	/** Counts an authenticated call against the session countdown; true when sessions expire with it. */
	public boolean sessionsExpireBefore() {
		int left = this.sessionCountdown.getAndUpdate((c) -> c > 0 ? c - 1 : c == 0 ? -1 : c);
		if (left == 0) {
			this.sessions.invalidateAll();
			return true;
		}
		return false;
	}

	/** Consumes the malformed-page fault: true once after {@link #malformedNextQueryPage()}. */
	public boolean takeMalformedPage() {
		return this.malformedNextPage.getAndSet(false);
	}

	/** The switches as they are now, for {@code GET /__sandbox/faults}. */
	public State state() {
		return new State(this.latencyMs, this.slowEvery, this.slowDelayMs, this.failRemaining.get(), this.failStatus,
				this.sessionCountdown.get(), this.malformedNextPage.get(), this.chaos, this.usage.used(),
				this.usage.max(), this.sortedScanLimitRows, this.queryPageTimeMs, this.concurrentRequestLimit,
				this.longRunningRequestMs);
	}

	/** A snapshot of the switches; {@code expireSessionsAfterCalls} is -1 when off. */
	public record State(long latencyMs, int slowEveryNthCall, long slowDelayMs, int failNextCalls, int failStatus,
			int expireSessionsAfterCalls, boolean malformedNextQueryPage, boolean chaos, long apiUsed, long apiMax,
			long queryTimeoutRows, long queryPageMs, int concurrentRequestLimit, long longRunningRequestMs) {
	}

	private static long requireNonNegative(long value, String name) {
		if (value < 0) {
			throw new IllegalArgumentException("'" + name + "' must not be negative, was " + value);
		}
		return value;
	}

}
