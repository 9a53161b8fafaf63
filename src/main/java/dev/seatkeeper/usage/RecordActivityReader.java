package dev.seatkeeper.usage;

import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import dev.seatkeeper.job.BudgetStop;
import dev.seatkeeper.job.ProgressLog;
import dev.seatkeeper.salesforce.QueryPage;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.JsonNode;

/**
 * Runs the night's {@link ActivityQuery activity queries} one after the other, each paged by group key, and keeps in
 * the step ExecutionContext the index of the query and the user Id of the last group handed out, so a restart resumes
 * right after the last committed chunk with the same queries (the plan depends only on the run's as-of instant and
 * the watermarks, which move only when the step completes).
 *
 * <p>When the profile's API budget is spent, the step is asked to stop at this chunk boundary, as the keyed readers
 * do. Not thread-safe: one instance per step execution.
 */
class RecordActivityReader implements ItemStreamReader<UserObjectActivity>, StepExecutionListener {

	static final String QUERY = "recordActivity.query";

	static final String LAST_USER = "recordActivity.lastUser";

	private final SalesforceClient client;

	private final List<ActivityQuery> queries;

	private final ProgressLog progress;

	private int current;

	private @Nullable String lastUser;

	/** Whether the current query's last page was full, so another may follow. */
	private boolean more = true;

	private Iterator<JsonNode> page = Collections.emptyIterator();

	private @Nullable StepExecution stepExecution;

	/** Aggregate pages this execution asked for, and the fewest the finished queries needed (one per 2,000 groups). */
	private int pages;

	private int pagesNeeded;

	/** Groups the current query has answered so far in this execution. */
	private long groups;

	RecordActivityReader(SalesforceClient client, List<ActivityQuery> queries, ProgressLog progress) {
		this.client = client;
		this.queries = queries;
		this.progress = progress;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
	}

	@Override
	public void open(ExecutionContext context) {
		this.current = context.containsKey(QUERY) ? context.getInt(QUERY) : 0;
		this.lastUser = context.containsKey(LAST_USER) ? context.getString(LAST_USER) : null;
	}

	@Override
	public @Nullable UserObjectActivity read() {
		try {
			while (!this.page.hasNext()) {
				if (this.current >= this.queries.size()) {
					return null;
				}
				if (!this.more) {
					this.pagesNeeded += (int) Math.max(1, (this.groups + ActivityQuery.GROUP_LIMIT - 1)
							/ ActivityQuery.GROUP_LIMIT);
					this.groups = 0;
					this.current++;
					this.lastUser = null;
					this.more = true;
					continue;
				}
				QueryPage answer = this.client.queryPage(this.queries.get(this.current).soql(this.lastUser));
				this.pages++;
				this.groups += answer.records().size();
				this.more = answer.records().size() >= ActivityQuery.GROUP_LIMIT;
				this.page = answer.records().iterator();
			}
		}
		catch (RuntimeException ex) {
			if (!BudgetStop.isBudget(ex) || this.stepExecution == null) {
				throw ex;
			}
			BudgetStop.stop(this.stepExecution, ex);
			return null;
		}
		ActivityQuery query = this.queries.get(this.current);
		JsonNode group = this.page.next();
		String user = SalesforceRecords.text(group, query.kind().userField);
		this.lastUser = user;
		this.progress.read("recordActivity", 1);
		Instant latest = SalesforceRecords.instant(group, "expr0");
		Long count = query.counting() ? SalesforceRecords.number(group, "expr1") : null;
		// Grouped by the user field, with MAX of a time field every record has: a group always has both.
		return new UserObjectActivity(Objects.requireNonNull(user, "a group's user"), query.object(), query.kind(),
				Objects.requireNonNull(latest, "a group's latest time"),
				(count != null) ? Math.toIntExact(count) : null);
	}

	@Override
	public void update(ExecutionContext context) {
		context.putInt(QUERY, this.current);
		if (this.lastUser != null) {
			context.putString(LAST_USER, this.lastUser);
		}
		else {
			context.remove(LAST_USER);
		}
	}

	@Override
	public void close() {
		this.page = Collections.emptyIterator();
	}

	/**
	 * Says in the step's exit description how many aggregate pages it asked for against the fewest the queries needed,
	 * so operators and the benchmark can see the cost ({@code BATCH_STEP_EXECUTION.EXIT_MESSAGE}).
	 */
	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		return stepExecution.getExitStatus().addExitDescription(String.format("%d aggregate queries: %d pages asked,"
				+ " %d needed", this.queries.size(), this.pages, this.pagesNeeded));
	}

}
