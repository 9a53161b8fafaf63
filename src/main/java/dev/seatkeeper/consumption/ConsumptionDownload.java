package dev.seatkeeper.consumption;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.consumption.Consumption.Source;
import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.job.SalesforceTasklet;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceRecords;
import dev.seatkeeper.storage.FieldLimits;
import dev.seatkeeper.storage.SkippedRecords;
import dev.seatkeeper.storage.StorableRows;
import dev.seatkeeper.storage.Unstorable;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Usage-based entitlements (TenantUsageEntitlement) and the org limits of {@code /limits} as consumption rows. Both
 * are small (tens of rows), so one tasklet transaction of idempotent upserts. An entitlement a row cannot hold (a
 * broken date, a number too large, a name too long) is skipped and recorded.
 */
public class ConsumptionDownload extends SalesforceTasklet {

	/** Not in every org, and a setup object the integration user may not be allowed to read. */
	static final String ENTITLEMENT_OBJECT = "TenantUsageEntitlement";

	static final String ENTITLEMENTS = """
			SELECT Id, MasterLabel, ResourceGroupKey, Setting, Frequency, StartDate, EndDate, CurrentAmountAllowed, \
			AmountUsed, IsPersistentResource FROM TenantUsageEntitlement ORDER BY Id""";

	/** TenantUsageEntitlement's field lengths from Salesforce's field reference. */
	static final FieldLimits LIMITS = new FieldLimits(Map.of("ResourceGroupKey", 120, "MasterLabel", 255));

	/** The width of {@code consumption.metric}, in characters: a longer MasterLabel cannot be a metric. */
	static final FieldLimits METRIC = new FieldLimits(Map.of(), Map.of("ResourceGroupKey", 190, "MasterLabel", 190));

	private final SalesforceClient client;

	private final JdbcTemplate jdbc;

	private final ConsumptionWriter writer;

	private final RunKey run;

	private final boolean entitlements;

	public ConsumptionDownload(SalesforceClient client, JdbcTemplate jdbc, RunKey run) {
		this(client, jdbc, run, true);
	}

	/** @param entitlements whether to read TenantUsageEntitlement (false: connect found it not readable) */
	public ConsumptionDownload(SalesforceClient client, JdbcTemplate jdbc, RunKey run, boolean entitlements) {
		this.client = client;
		this.jdbc = jdbc;
		this.writer = new ConsumptionWriter(jdbc, run);
		this.run = run;
		this.entitlements = entitlements;
	}

	@Override
	protected void run(StepContribution contribution, ChunkContext chunkContext) {
		List<Reading> rows = new ArrayList<>();
		if (this.entitlements) {
			this.client.query(ENTITLEMENTS).map(ConsumptionDownload::reading).forEach(rows::add);
		}
		LocalDate today = LocalDate.ofInstant(this.run.asOf(), ZoneOffset.UTC);
		this.client.limits().limits().forEach((name, limit) -> rows.add(new Reading(null, new Consumption(name, today,
				today, BigDecimal.valueOf(limit.max()), BigDecimal.valueOf(limit.used()), Source.ORG_LIMIT), List.of())));
		rows.forEach(row -> contribution.incrementReadCount());
		StepExecution step = contribution.getStepExecution();
		SkippedRecords skipped = new SkippedRecords(this.jdbc, this.run.profile(), step.getJobExecutionId(),
				step.getStepName(), this.run.asOfUtc());
		List<Reading> stored = new StorableRows<Reading>(
				readings -> this.writer.write(new Chunk<>(readings.stream().map(Reading::consumption).toList())),
				Reading::salesforceId, Reading::unstorable, skipped)
			.store(rows);
		contribution.incrementWriteCount(stored.size());
	}

	/** One consumption row with the record it came from, and what keeps it from being stored. */
	record Reading(@Nullable String salesforceId, Consumption consumption, List<Unstorable> unstorable) {
	}

	static Consumption entitlement(JsonNode record) {
		return reading(record).consumption();
	}

	/** An entitlement whose values a consumption row cannot hold is marked to be skipped, not failing the step. */
	static Reading reading(JsonNode record) {
		List<Unstorable> problems = new ArrayList<>();
		String key = LIMITS.text(record, "ResourceGroupKey", problems::add);
		String label = LIMITS.text(record, "MasterLabel", problems::add);
		String metric = (key != null) ? key : label;
		if (metric == null || metric.isEmpty()) {
			problems.add(new Unstorable("ResourceGroupKey", "ResourceGroupKey and MasterLabel are empty"));
		}
		else if (problems.isEmpty()) {
			METRIC.length(metric, (key != null) ? "ResourceGroupKey" : "MasterLabel", problems::add);
		}
		LocalDate start = FieldLimits.date(record, "StartDate", problems::add);
		Consumption consumption = new Consumption((metric != null) ? metric : "", (start != null) ? start : LocalDate.EPOCH,
				FieldLimits.date(record, "EndDate", problems::add),
				FieldLimits.decimal(record, "CurrentAmountAllowed", 20, 4, problems::add),
				FieldLimits.decimal(record, "AmountUsed", 20, 4, problems::add), Source.USAGE_ENTITLEMENT,
				SalesforceRecords.bool(record, "IsPersistentResource"));
		return new Reading(SalesforceRecords.text(record, "Id"), consumption, List.copyOf(problems));
	}

}
