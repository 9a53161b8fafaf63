package dev.seatkeeper.sandbox.limits;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The org's daily API request budget. Every authenticated API call takes one request; once {@code max} is
 * reached calls are refused with REQUEST_LIMIT_EXCEEDED until {@link #reset()}, which stands in for the rolling
 * 24-hour window. Thread-safe.
 */
public final class ApiUsage {

	private final long max;

	private final AtomicLong used = new AtomicLong();

	public ApiUsage(long max) {
		if (max < 1) {
			throw new IllegalArgumentException("'max' must be positive, was " + max);
		}
		this.max = max;
	}

	/** Takes one request from the budget; false (and nothing taken) when it is spent. */
	public boolean tryAcquire() {
		long current;
		do {
			current = this.used.get();
			if (current >= this.max) {
				return false;
			}
		}
		while (!this.used.compareAndSet(current, current + 1));
		return true;
	}

	public long used() {
		return this.used.get();
	}

	public long max() {
		return this.max;
	}

	public long remaining() {
		return Math.max(0, this.max - this.used.get());
	}

	/** The budget spent at once, as when other integrations used it up. */
	public void exhaust() {
		this.used.set(this.max);
	}

	public void reset() {
		this.used.set(0);
	}

	/** The {@code Sforce-Limit-Info} header value. */
	public String header() {
		return "api-usage=" + used() + "/" + this.max;
	}

}
