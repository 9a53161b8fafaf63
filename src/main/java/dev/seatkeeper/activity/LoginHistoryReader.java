package dev.seatkeeper.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.seatkeeper.job.KeyedSalesforceReader;
import dev.seatkeeper.job.ProgressLog;
import dev.seatkeeper.salesforce.SalesforceApiException;
import dev.seatkeeper.salesforce.SalesforceClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one partition's login window, {@code (from, to]}, as consecutive sub-windows, each a keyed LoginHistory
 * query. When Salesforce gives up on a sub-window's query ({@code QUERY_TIMEOUT}: a wide, sorted LoginHistory range
 * in a big org) or no answer comes within the read timeout, the rest of that sub-window is split in two halves and
 * read half by half, down to sub-windows of {@link #FLOOR}; the split is logged. Sub-windows narrow the range
 * Salesforce must sort, where repeating the query would time out again.
 *
 * <p>Restart: the sub-window boundaries still to read are kept in the step ExecutionContext ({@value #WINDOWS}) next
 * to the key of the last delivered record, so a restarted partition goes on with the narrowed queries instead of
 * sending the one that timed out. Only a kill between a split and the next chunk commit sends that query again,
 * once; the transport sends an identical request at most twice after read timeouts.
 *
 * <p>Not thread-safe: one instance per partition.
 */
public class LoginHistoryReader implements ItemStreamReader<LoginEvent>, StepExecutionListener {

	static final String NAME = "pullActivity";

	/** The context key of the boundaries {@code b0,b1,...,bn}: the sub-windows {@code (b0,b1], (b1,b2], ...} to read. */
	static final String WINDOWS = NAME + ".windows";

	/** Sub-windows are never split below this width. */
	static final Duration FLOOR = Duration.ofHours(1);

	private static final String LAST_ID = NAME + ".last.id";

	private static final String LAST_TIME = NAME + ".last.time";

	private static final Logger logger = LoggerFactory.getLogger(LoginHistoryReader.class);

	private final SalesforceClient client;

	private final ProgressLog progress;

	private final Instant from;

	private final Instant to;

	private final int keyedLimit;

	private List<Instant> boundaries = new ArrayList<>();

	private @Nullable KeyedSalesforceReader<LoginEvent> current;

	private @Nullable StepExecution stepExecution;

	/** The keys in the context belong to a sub-window already finished: drop them at the next update. */
	private boolean staleKeys;

	public LoginHistoryReader(SalesforceClient client, ProgressLog progress, Instant from, Instant to, int keyedLimit) {
		this.client = client;
		this.progress = progress;
		this.from = from;
		this.to = to;
		this.keyedLimit = keyedLimit;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		return null;
	}

	@Override
	public void open(ExecutionContext context) {
		this.boundaries = context.containsKey(WINDOWS) ? parse(context.getString(WINDOWS))
				: new ArrayList<>(List.of(this.from, this.to));
		openCurrent(context);
	}

	@Override
	public @Nullable LoginEvent read() {
		while (true) {
			LoginEvent event;
			try {
				event = reader().read();
			}
			catch (SalesforceApiException ex) {
				if (!ex.isTimeout()) {
					throw ex;
				}
				split(ex);
				continue;
			}
			if (event != null || stopping() || this.boundaries.size() <= 2) {
				return event;
			}
			reader().close();
			this.boundaries.remove(0);
			this.staleKeys = true;
			openCurrent(new ExecutionContext());
		}
	}

	@Override
	public void update(ExecutionContext context) {
		if (this.staleKeys) {
			context.remove(LAST_ID);
			context.remove(LAST_TIME);
			this.staleKeys = false;
		}
		reader().update(context);
		context.putString(WINDOWS, this.boundaries.stream().map(Instant::toString).collect(Collectors.joining(",")));
	}

	@Override
	public void close() {
		if (this.current != null) {
			this.current.close();
			this.current = null;
		}
	}

	/** Halves what is left of the current sub-window, or gives up when it is no wider than the floor. */
	private void split(SalesforceApiException timeout) {
		ExecutionContext position = new ExecutionContext();
		reader().update(position);
		Instant windowStart = this.boundaries.get(0);
		Instant windowEnd = this.boundaries.get(1);
		Instant start = position.containsKey(LAST_TIME) ? Instant.parse(position.getString(LAST_TIME)) : windowStart;
		Duration left = Duration.between(start, windowEnd);
		if (left.compareTo(FLOOR) <= 0) {
			throw new SalesforceApiException(timeout.getErrorCode(), timeout.getHttpStatus(), false, "LoginHistory from "
					+ start + " to " + windowEnd + " still times out in a window of " + FLOOR.toMinutes()
					+ " minutes or less; the org may be overloaded, try the run again later", timeout);
		}
		Instant middle = start.plusSeconds(left.toSeconds() / 2);
		logger.warn("Profile '{}': LoginHistory from {} to {} {}; reading it in two halves, split at {}",
				this.client.profile(), start, windowEnd,
				timeout.is("QUERY_TIMEOUT") ? "timed out in Salesforce (QUERY_TIMEOUT)" : "got no answer in time",
				middle);
		this.boundaries.add(1, middle);
		reader().close();
		openCurrent(position);
	}

	private boolean stopping() {
		return this.stepExecution != null && this.stepExecution.isTerminateOnly();
	}

	private void openCurrent(ExecutionContext context) {
		KeyedSalesforceReader<LoginEvent> reader = new KeyedSalesforceReader<>(NAME, this.client,
				LoginEventMapper.window(this.boundaries.get(0), this.boundaries.get(1), this.keyedLimit),
				LoginEventMapper::map, this.progress);
		if (this.stepExecution != null) {
			reader.beforeStep(this.stepExecution);
		}
		reader.open(context);
		this.current = reader;
	}

	private KeyedSalesforceReader<LoginEvent> reader() {
		if (this.current == null) {
			throw new IllegalStateException("The login history reader is not open");
		}
		return this.current;
	}

	private static List<Instant> parse(String boundaries) {
		return new ArrayList<>(Arrays.stream(boundaries.split(",")).map(Instant::parse).toList());
	}

}
