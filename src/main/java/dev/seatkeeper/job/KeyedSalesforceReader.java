package dev.seatkeeper.job;

import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

import dev.seatkeeper.salesforce.Key;
import dev.seatkeeper.salesforce.KeyedCursor;
import dev.seatkeeper.salesforce.KeyedQuery;
import dev.seatkeeper.salesforce.SalesforceClient;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Salesforce object by key ({@code Id}, or {@code LoginTime} then {@code Id}) and keeps the key of the last
 * item handed out in the step ExecutionContext, so a restart resumes right after the last committed chunk: not by
 * query locator, which expires, and not by skipping a count, which shifts when the org changes.
 *
 * <p>When the profile's API budget is spent, the step is asked to stop at this chunk boundary: the run ends STOPPED
 * with everything read so far committed, and the next run resumes from the same key.
 *
 * <p>While a chunk is being written, the next page is already being fetched (one page ahead, on a thread of the
 * reader's own), and the cursor asks for the page after that as soon as its address is read: with 200 ms per
 * Salesforce call neither the writes nor the parsing add to the wait. A failure of a fetch ahead surfaces when its
 * page is needed, as it would have without the read-ahead.
 *
 * <p>Not thread-safe: one instance per step or partition.
 */
public class KeyedSalesforceReader<T> implements ItemStreamReader<T>, StepExecutionListener {

	private final String name;

	private final SalesforceClient client;

	private final KeyedQuery query;

	private final Function<JsonNode, T> mapper;

	private @Nullable Key lastDelivered;

	private @Nullable KeyedCursor cursor;

	private Iterator<JsonNode> page = Collections.emptyIterator();

	private @Nullable StepExecution stepExecution;

	private final ProgressLog progress;

	private @Nullable ExecutorService readAhead;

	private @Nullable ExecutorService pagesAhead;

	private @Nullable CompletableFuture<List<JsonNode>> nextPage;

	public KeyedSalesforceReader(String name, SalesforceClient client, KeyedQuery query,
			Function<JsonNode, T> mapper, ProgressLog progress) {
		this.name = name;
		this.client = client;
		this.query = query;
		this.mapper = mapper;
		this.progress = progress;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
	}

	@Override
	public void open(ExecutionContext context) {
		String id = context.containsKey(key("id")) ? context.getString(key("id")) : null;
		if (id != null) {
			String time = context.containsKey(key("time")) ? context.getString(key("time")) : null;
			this.lastDelivered = (time != null) ? Key.of(Instant.parse(time), id) : Key.id(id);
		}
		this.readAhead = Executors.newSingleThreadExecutor(daemonThreads(this.name + "-read-ahead"));
		this.pagesAhead = Executors.newFixedThreadPool(2, daemonThreads(this.name + "-page-request"));
		this.cursor = this.client.keyedCursor(this.query, this.lastDelivered, this.pagesAhead);
	}

	private static ThreadFactory daemonThreads(String name) {
		return (task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		};
	}

	@Override
	public void close() {
		if (this.readAhead != null) {
			this.readAhead.shutdownNow();
			this.readAhead = null;
		}
		if (this.pagesAhead != null) {
			this.pagesAhead.shutdownNow();
			this.pagesAhead = null;
		}
		this.nextPage = null;
	}

	@Override
	public @Nullable T read() {
		try {
			while (!this.page.hasNext()) {
				List<JsonNode> records = takePage();
				if (records == null) {
					return null;
				}
				this.page = records.iterator();
				fetchAhead();
			}
		}
		catch (RuntimeException ex) {
			if (!BudgetStop.isBudget(ex) || this.stepExecution == null) {
				throw ex;
			}
			BudgetStop.stop(this.stepExecution, ex);
			return null;
		}
		JsonNode record = this.page.next();
		this.lastDelivered = this.query.keyOf(record);
		this.progress.read(this.name, 1);
		return this.mapper.apply(record);
	}

	/** The page fetched ahead, else the next one now; {@code null} once the cursor is exhausted. */
	private @Nullable List<JsonNode> takePage() {
		CompletableFuture<List<JsonNode>> ahead = this.nextPage;
		this.nextPage = null;
		if (ahead == null) {
			KeyedCursor source = openCursor();
			return source.isExhausted() ? null : source.nextPage();
		}
		try {
			return ahead.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw ex;
		}
	}

	private void fetchAhead() {
		KeyedCursor source = openCursor();
		if (!source.isExhausted() && this.readAhead != null) {
			this.nextPage = CompletableFuture.supplyAsync(source::nextPage, this.readAhead);
		}
	}

	private KeyedCursor openCursor() {
		return Objects.requireNonNull(this.cursor, "Batch opens an ItemStream before it reads from it");
	}

	@Override
	public void update(ExecutionContext context) {
		if (this.lastDelivered != null) {
			context.putString(key("id"), this.lastDelivered.id());
			if (this.lastDelivered.time() != null) {
				context.putString(key("time"), this.lastDelivered.time().toString());
			}
		}
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		return null;
	}

	private String key(String part) {
		return this.name + ".last." + part;
	}

}
