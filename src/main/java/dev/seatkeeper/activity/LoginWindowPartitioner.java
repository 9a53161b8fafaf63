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

	private final Instant from;

	private final Instant to;

	private final Duration windowWidth;

	private final int minimumWindows;

	public LoginWindowPartitioner(Instant from, Instant to, Duration windowWidth, int minimumWindows) {
		this.from = from;
		this.to = to;
		this.windowWidth = windowWidth;
		this.minimumWindows = minimumWindows;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		long totalSeconds = Math.max(0, Duration.between(this.from, this.to).toSeconds());
		long byWidth = (totalSeconds + this.windowWidth.toSeconds() - 1) / this.windowWidth.toSeconds();
		// Enough windows for every cursor to have work, but never windows narrower than an hour.
		long windows = Math.max(1, Math.min(Math.max(byWidth, this.minimumWindows), Math.max(1, totalSeconds / 3600)));
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

}
