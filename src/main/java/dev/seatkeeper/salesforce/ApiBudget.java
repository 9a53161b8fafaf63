package dev.seatkeeper.salesforce;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The share of an org's daily API requests one client may spend. Salesforce reports the org's usage on every response
 * ({@code Sforce-Limit-Info: api-usage=USED/MAX}); calls are refused before they are made once usage reaches
 * {@code floor(share × MAX)}. Until the first response the budget is unknown and calls go ahead.
 *
 * <p>Thread-safe: partitions of one step share a client and so share its budget.
 */
public final class ApiBudget {

	private static final Pattern API_USAGE = Pattern.compile("(?:^|[\\s;,])api-usage=(\\d+)/(\\d+)");

	private final String profile;

	private final double share;

	private final AtomicLong callsMade = new AtomicLong();

	private final AtomicLong inFlight = new AtomicLong();

	private volatile @Nullable Usage lastUsage;

	public ApiBudget(String profile, double share) {
		this.profile = profile;
		this.share = share;
	}

	/**
	 * Reserves the next call, or refuses it when the org's usage plus the calls still under way would pass this
	 * profile's allowance: partitions calling at once cannot overshoot it together. Every reservation is ended by
	 * {@link #endCall}.
	 */
	public synchronized void reserveCall() {
		Usage usage = this.lastUsage;
		if (usage != null && usage.used() + this.inFlight.get() >= allowed(usage.max())) {
			throw new ApiBudgetExhaustedException(this.profile, usage.used(), allowed(usage.max()), usage.max());
		}
		this.inFlight.incrementAndGet();
		this.callsMade.incrementAndGet();
	}

	/** The reserved call has been answered (its usage is in the header just read) or has failed. */
	public synchronized void endCall() {
		this.inFlight.decrementAndGet();
	}

	/** Reads a {@code Sforce-Limit-Info} header value; ignores a missing or foreign one. */
	public void recordLimitInfo(@Nullable String header) {
		if (header == null) {
			return;
		}
		Matcher matcher = API_USAGE.matcher(header);
		if (matcher.find()) {
			Usage reported = new Usage(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
			synchronized (this) {
				// Answers to concurrent calls arrive out of order; the org's usage only grows within a run.
				Usage last = this.lastUsage;
				if (last == null || last.max() != reported.max() || reported.used() > last.used()) {
					this.lastUsage = reported;
				}
			}
		}
	}

	/** Calls this client made since it was built. */
	public long callsMade() {
		return this.callsMade.get();
	}

	/** The org's usage as last reported, or {@code null} before the first response. */
	public @Nullable Usage lastUsage() {
		return this.lastUsage;
	}

	/** Requests this profile may let the org reach, or -1 while unknown. */
	public long allowed() {
		Usage usage = this.lastUsage;
		return (usage != null) ? allowed(usage.max()) : -1;
	}

	public boolean isExhausted() {
		Usage usage = this.lastUsage;
		return usage != null && usage.used() >= allowed(usage.max());
	}

	private long allowed(long max) {
		return (long) Math.floor(this.share * max);
	}

	/** The org's daily API usage as Salesforce reported it. */
	public record Usage(long used, long max) {
	}

}
