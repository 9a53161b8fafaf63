package dev.seatkeeper.job;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of long reads in the log: items read per step and the rate, at most once per interval and step. Counts
 * are per process (a restart counts from zero), which is what an operator watching the log wants. Thread-safe, so
 * partitions of one step share a line.
 */
public class ProgressLog {

	private static final Logger logger = LoggerFactory.getLogger(ProgressLog.class);

	private final Duration interval;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	public ProgressLog(Duration interval) {
		this.interval = interval;
	}

	public void read(String step, long items) {
		Counter counter = this.counters.computeIfAbsent(step, name -> new Counter(System.nanoTime()));
		long total = counter.read.addAndGet(items);
		long now = System.nanoTime();
		long last = counter.lastLog.get();
		if (now - last >= this.interval.toNanos() && counter.lastLog.compareAndSet(last, now)) {
			double seconds = (now - counter.started) / 1e9;
			logger.info("{}: {} items read, {}/s", step, total, Math.round(total / Math.max(seconds, 0.001)));
		}
	}

	private static final class Counter {

		private final long started;

		private final AtomicLong read = new AtomicLong();

		private final AtomicLong lastLog;

		Counter(long started) {
			this.started = started;
			this.lastLog = new AtomicLong(started);
		}

	}

}
