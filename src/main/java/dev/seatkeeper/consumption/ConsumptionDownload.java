package dev.seatkeeper.consumption;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.seatkeeper.consumption.Consumption.Source;
import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.job.SalesforceTasklet;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceRecords;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.item.Chunk;
import tools.jackson.databind.JsonNode;

/**
 * Usage-based entitlements (TenantUsageEntitlement) and the org limits of {@code /limits} as consumption rows. Both
 * are small (tens of rows), so one tasklet transaction of idempotent upserts.
 */
public class ConsumptionDownload extends SalesforceTasklet {

	/** Not in every org, and a setup object the integration user may not be allowed to read. */
	static final String ENTITLEMENT_OBJECT = "TenantUsageEntitlement";

	static final String ENTITLEMENTS = """
			SELECT Id, MasterLabel, ResourceGroupKey, Setting, Frequency, StartDate, EndDate, CurrentAmountAllowed, \
			AmountUsed, IsPersistentResource FROM TenantUsageEntitlement ORDER BY Id""";

	private final SalesforceClient client;

	private final ConsumptionWriter writer;

	private final RunKey run;

	private final boolean entitlements;

	public ConsumptionDownload(SalesforceClient client, ConsumptionWriter writer, RunKey run) {
		this(client, writer, run, true);
	}

	/** @param entitlements whether to read TenantUsageEntitlement (false: connect found it not readable) */
	public ConsumptionDownload(SalesforceClient client, ConsumptionWriter writer, RunKey run, boolean entitlements) {
		this.client = client;
		this.writer = writer;
		this.run = run;
		this.entitlements = entitlements;
	}

	@Override
	protected void run(StepContribution contribution, ChunkContext chunkContext) {
		List<Consumption> rows = new ArrayList<>();
		if (this.entitlements) {
			this.client.query(ENTITLEMENTS).map(ConsumptionDownload::entitlement).forEach(rows::add);
		}
		LocalDate today = LocalDate.ofInstant(this.run.asOf(), ZoneOffset.UTC);
		this.client.limits().limits().forEach((name, limit) -> rows.add(new Consumption(name, today, today,
				BigDecimal.valueOf(limit.max()), BigDecimal.valueOf(limit.used()), Source.ORG_LIMIT)));
		rows.forEach(row -> contribution.incrementReadCount());
		this.writer.write(new Chunk<>(rows));
		contribution.incrementWriteCount(rows.size());
	}

	static Consumption entitlement(JsonNode record) {
		String key = SalesforceRecords.text(record, "ResourceGroupKey");
		String metric = (key != null) ? key : SalesforceRecords.text(record, "MasterLabel");
		LocalDate start = SalesforceRecords.date(record, "StartDate");
		return new Consumption(metric, (start != null) ? start : LocalDate.EPOCH, SalesforceRecords.date(record, "EndDate"),
				decimal(record, "CurrentAmountAllowed"), decimal(record, "AmountUsed"), Source.USAGE_ENTITLEMENT,
				SalesforceRecords.bool(record, "IsPersistentResource"));
	}

	private static BigDecimal decimal(JsonNode record, String field) {
		JsonNode value = SalesforceRecords.path(record, field);
		return (value.isNumber()) ? value.decimalValue() : null;
	}

}
