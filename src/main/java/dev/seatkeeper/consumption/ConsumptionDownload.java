package dev.seatkeeper.consumption;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.seatkeeper.consumption.Consumption.Source;
import dev.seatkeeper.job.BudgetStop;
import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.job.SalesforceTasklet;
import dev.seatkeeper.salesforce.SalesforceApiException;
import dev.seatkeeper.salesforce.SalesforceAuthenticationException;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceRecords;
import dev.seatkeeper.storage.FieldLimits;
import dev.seatkeeper.storage.SkippedRecords;
import dev.seatkeeper.storage.StorableRows;
import dev.seatkeeper.storage.Unstorable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
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
 *
 * <p>Consumption is not worth a night's position: a source Salesforce does not answer (the object became unreadable,
 * {@code INVALID_TYPE}; a 5xx left after the client's retries) is logged, named with its reason in the step's exit
 * description and left in the job ExecutionContext ({@link #UNREAD}), and the run goes on; {@code reconcile} then
 * shows that source's metrics as {@code NO_DATA} with the reason. An exhausted API budget still stops the step and an
 * authentication failure still fails the run. A restart reads both sources again and replaces the record.
 */
public class ConsumptionDownload extends SalesforceTasklet {

	private static final Logger logger = LoggerFactory.getLogger(ConsumptionDownload.class);

	/** Job context key: the sources not read this run, one {@code SOURCE=reason} a line ("" when all were read). */
	public static final String UNREAD = "consumptionUnread";

	/** Not in every org, and a setup object the integration user may not be allowed to read. */
	static final String ENTITLEMENT_OBJECT = "TenantUsageEntitlement";

	static final String ENTITLEMENTS = """
			SELECT Id, MasterLabel, ResourceGroupKey, Setting, Frequency, StartDate, EndDate, CurrentAmountAllowed, \
			AmountUsed, IsPersistentResource FROM TenantUsageEntitlement ORDER BY Id""";

	/** TenantUsageEntitlement's field lengths from Salesforce's field reference. */
	static final FieldLimits LIMITS = new FieldLimits(Map.of("Setting", 120, "MasterLabel", 255));

	/** The width of {@code consumption.metric}, in characters: a longer MasterLabel cannot be a metric. */
	static final FieldLimits METRIC = new FieldLimits(Map.of(), Map.of("Setting", 190));

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
		Map<Source, String> unread = new LinkedHashMap<>();
		if (this.entitlements) {
			read(Source.USAGE_ENTITLEMENT, () -> entitlements(this.client.query(ENTITLEMENTS).toList()), rows, unread);
		}
		else {
			unread.put(Source.USAGE_ENTITLEMENT, "the integration user may not read " + ENTITLEMENT_OBJECT
					+ " (grant View Setup and Configuration)");
		}
		LocalDate today = LocalDate.ofInstant(this.run.asOf(), ZoneOffset.UTC);
		read(Source.ORG_LIMIT, () -> {
			List<Reading> limits = new ArrayList<>();
			this.client.limits().limits().forEach((name, limit) -> limits.add(new Reading(null, new Consumption(name,
					today, today, BigDecimal.valueOf(limit.max()), BigDecimal.valueOf(limit.used()), Source.ORG_LIMIT),
					List.of())));
			return limits;
		}, rows, unread);
		rows.forEach(row -> contribution.incrementReadCount());
		StepExecution step = contribution.getStepExecution();
		SkippedRecords skipped = new SkippedRecords(this.jdbc, this.run.profile(), step.getJobExecutionId(),
				step.getStepName(), this.run.asOfUtc());
		List<Reading> stored = new StorableRows<Reading>(
				readings -> this.writer.write(new Chunk<>(readings.stream().map(Reading::consumption).toList())),
				Reading::salesforceId, Reading::unstorable, skipped)
			.store(rows);
		contribution.incrementWriteCount(stored.size());
		chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
			.putString(UNREAD, format(unread));
		if (!unread.isEmpty()) {
			contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription("consumption not read: " + format(unread)));
		}
	}

	/** Reads one source, or records why it could not be read. */
	private void read(Source source, Supplier<List<Reading>> reading, List<Reading> rows,
			Map<Source, String> unread) {
		try {
			rows.addAll(reading.get());
		}
		catch (SalesforceApiException ex) {
			if (BudgetStop.isBudget(ex) || ex instanceof SalesforceAuthenticationException) {
				throw ex;
			}
			logger.warn("Profile {}: {} not read, the run goes on without it: {}", this.run.profile(), source,
					ex.getMessage());
			unread.put(source, String.valueOf(ex.getMessage()));
		}
	}

	static String format(Map<Source, String> unread) {
		StringBuilder text = new StringBuilder();
		unread.forEach((source, reason) -> text.append(text.isEmpty() ? "" : "\n").append(source.name()).append('=')
			.append(reason.replace('\n', ' ')));
		return text.toString();
	}

	/** The job context value back as source name to reason; empty when every source was read (or none recorded). */
	public static Map<String, String> parse(@Nullable String value) {
		Map<String, String> unread = new LinkedHashMap<>();
		if (value != null) {
			value.lines().filter(line -> line.contains("=")).forEach(line -> unread
				.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
		}
		return unread;
	}

	/**
	 * The rows as consumption, each under a metric key of its own: several rows can share a {@code ResourceGroupKey},
	 * so the key is the row's {@code Setting}, or, where that is missing or shared too, its label with its record Id.
	 */
	static List<Reading> entitlements(List<JsonNode> records) {
		Map<String, Integer> settings = new HashMap<>();
		records.forEach(record -> {
			String setting = SalesforceRecords.text(record, "Setting");
			if (setting != null && !setting.isBlank()) {
				settings.merge(setting, 1, Integer::sum);
			}
		});
		return records.stream().map(record -> reading(record, metric(record, settings))).toList();
	}

	private static String metric(JsonNode record, Map<String, Integer> settings) {
		String setting = SalesforceRecords.text(record, "Setting");
		if (setting != null && settings.getOrDefault(setting, 0) == 1) {
			return setting;
		}
		String label = SalesforceRecords.text(record, "MasterLabel");
		return ((label != null) ? label : ENTITLEMENT_OBJECT) + " (" + SalesforceRecords.text(record, "Id") + ")";
	}

	/** One consumption row with the record it came from, and what keeps it from being stored. */
	record Reading(@Nullable String salesforceId, Consumption consumption, List<Unstorable> unstorable) {
	}

	/** An entitlement whose values a consumption row cannot hold is marked to be skipped, not failing the step. */
	static Reading reading(JsonNode record, String metric) {
		List<Unstorable> problems = new ArrayList<>();
		LIMITS.text(record, "Setting", problems::add);
		LIMITS.text(record, "MasterLabel", problems::add);
		if (problems.isEmpty()) {
			METRIC.length(metric, "Setting", problems::add);
		}
		LocalDate start = FieldLimits.date(record, "StartDate", problems::add);
		Consumption consumption = new Consumption(metric, (start != null) ? start : LocalDate.EPOCH,
				FieldLimits.date(record, "EndDate", problems::add),
				FieldLimits.decimal(record, "CurrentAmountAllowed", 20, 4, problems::add),
				FieldLimits.decimal(record, "AmountUsed", 20, 4, problems::add), Source.USAGE_ENTITLEMENT,
				SalesforceRecords.bool(record, "IsPersistentResource"));
		return new Reading(SalesforceRecords.text(record, "Id"), consumption, List.copyOf(problems));
	}

}
