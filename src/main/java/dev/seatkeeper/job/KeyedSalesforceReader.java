package dev.seatkeeper.job;

import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
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
		this.cursor = this.client.keyedCursor(this.query, this.lastDelivered);
	}

	@Override
	public @Nullable T read() {
		try {
			while (!this.page.hasNext()) {
				if (this.cursor.isExhausted()) {
					return null;
				}
				this.page = this.cursor.nextPage().iterator();
				if (!this.page.hasNext() && this.cursor.isExhausted()) {
					return null;
				}
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
