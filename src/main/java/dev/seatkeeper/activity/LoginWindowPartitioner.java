package dev.seatkeeper.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the login history still to fetch, {@code (from, to]}, into time windows that are paged by separate cursors
 * at once. The split depends only on the watermark and the run's as-of instant, both unchanged by a restart, so a
 * restarted run finds the same windows and resumes each from its own key.
 */
public class LoginWindowPartitioner implements Partitioner {

	static final String FROM = "windowFrom";

	static final String TO = "windowTo";

	static final int WINDOWS_PER_CURSOR = 4;

	private final Instant from;

	private final Instant to;

	private final Duration windowWidth;

	private final int cursors;

	public LoginWindowPartitioner(Instant from, Instant to, Duration windowWidth, int cursors) {
		this.from = from;
		this.to = to;
		this.windowWidth = windowWidth;
		this.cursors = Math.max(1, cursors);
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		long totalSeconds = Math.max(0, Duration.between(this.from, this.to).toSeconds());
		long byWidth = (totalSeconds + this.windowWidth.toSeconds() - 1) / this.windowWidth.toSeconds();
		// Several windows per cursor, as many for each: cursors that run out of work early, while the last window is
		// paged alone, made the backfill up to a third slower. Never windows narrower than an hour.
		long balanced = roundUp(Math.max(byWidth, (long) WINDOWS_PER_CURSOR * this.cursors), this.cursors);
		long windows = Math.max(1, Math.min(balanced, Math.max(1, totalSeconds / 3600)));
		long step = (totalSeconds + windows - 1) / windows;
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (int index = 0; index < windows; index++) {
			Instant windowFrom = this.from.plusSeconds(index * step);
			Instant windowTo = (index == windows - 1) ? this.to : this.from.plusSeconds((index + 1) * step);
			ExecutionContext context = new ExecutionContext();
			context.putString(FROM, windowFrom.toString());
			context.putString(TO, windowTo.toString());
			partitions.put("window" + index, context);
		}
		return partitions;
	}

	private static long roundUp(long value, long multiple) {
		return ((value + multiple - 1) / multiple) * multiple;
	}

}
