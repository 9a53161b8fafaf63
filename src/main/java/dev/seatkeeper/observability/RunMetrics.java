package dev.seatkeeper.observability;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;

import dev.seatkeeper.job.OrgSessions;
import dev.seatkeeper.job.RunParameters;
import dev.seatkeeper.salesforce.ApiBudget;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The metrics of one run, published when it ends: Spring Batch's own job and step timers (recorded through the
 * observation registry while the run went on) plus ours, read from the finished execution — items read, written
 * and skipped per step, the Salesforce calls the run made, the org's daily API requests left, and from the run's
 * stored license position the seats reclaimed and the savings per currency.
 *
 * <p>When a Pushgateway is configured they are pushed as the group {@code job=seatkeeper, profile=NAME}, which each
 * run of the profile replaces, so the Pushgateway holds every org's last run and never grows night after night.
 * Afterwards the run's meters are removed from the registry, so the next profile run by the same process
 * ({@code run --all}) pushes only its own. Runs of one process are sequential; not meant for concurrent runs.
 */
public class RunMetrics {

	private static final Logger logger = LoggerFactory.getLogger(RunMetrics.class);

	private final PrometheusMeterRegistry registry;

	private final OrgSessions orgs;

	private final @Nullable Pushgateway pushgateway;

	private final JdbcTemplate jdbc;

	public RunMetrics(PrometheusMeterRegistry registry, OrgSessions orgs, @Nullable Pushgateway pushgateway,
			JdbcTemplate jdbc) {
		this.registry = registry;
		this.orgs = orgs;
		this.pushgateway = pushgateway;
		this.jdbc = jdbc;
	}

	/** Salesforce calls the profile's client has made in this process so far: the baseline of the next run. */
	public long callsMade(String profile) {
		return this.orgs.open(profile).map((client) -> client.apiBudget().callsMade()).orElse(0L);
	}

	/** Records the finished run's metrics and pushes them; never throws, metrics must not fail a run. */
	public void publish(JobExecution execution, long callsMadeBefore) {
		String profile = execution.getJobParameters().getString(RunParameters.PROFILE);
		try {
			record(execution, profile, callsMadeBefore);
			if (this.pushgateway != null && profile != null) {
				this.pushgateway.push(Map.of("profile", profile), runMetrics());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Metrics of execution {} not published: {}", execution.getId(), ex.toString());
		}
		finally {
			this.registry.getMeters().stream().filter(RunMetrics::isRunMeter).forEach(this.registry::remove);
		}
	}

	private void record(JobExecution execution, @Nullable String profile, long callsMadeBefore) {
		Tags run = Tags.of("profile", String.valueOf(profile));
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStepName().contains(":")) {
				continue; // a partition: its manager step carries the sum
			}
			Tags tags = run.and("step", step.getStepName());
			gauge("seatkeeper.step.read", "items", "Items read by the step in this run", tags, step::getReadCount);
			gauge("seatkeeper.step.written", "items", "Items written by the step in this run", tags, step::getWriteCount);
			gauge("seatkeeper.step.skipped", "items", "Items skipped by the step in this run", tags, step::getSkipCount);
		}
		gauge("seatkeeper.run.info", null, "1 for the run pushed last, labelled with its run date and status",
				run.and("run_date", String.valueOf(execution.getJobParameters().getLocalDate(RunParameters.RUN_DATE)),
						"status", execution.getStatus().name()), () -> 1);
		if (execution.getEndTime() != null) {
			long end = execution.getEndTime().atZone(ZoneId.systemDefault()).toEpochSecond();
			gauge("seatkeeper.run.end.timestamp", "seconds", "When the run ended, in seconds since the epoch", run, () -> end);
		}
		if (profile != null) {
			this.orgs.open(profile).ifPresent((client) -> recordApiUsage(client.apiBudget(), run, callsMadeBefore));
			recordPosition(profile, execution.getJobParameters().getLocalDate(RunParameters.RUN_DATE), run);
		}
	}

	/** Seats reclaimed and savings of the run's stored license position, per currency (never summed across). */
	private void recordPosition(String profile, @Nullable LocalDate runDate, Tags run) {
		Long reclaimed = this.jdbc.queryForObject(
				"SELECT COALESCE(SUM(reclaimed_this_run), 0) FROM license_position WHERE profile = ? AND run_date = ?",
				Long.class, profile, runDate);
		long seats = (reclaimed != null) ? reclaimed : 0;
		gauge("seatkeeper.run.reclaimed.seats", "seats", "Seats reclaimed in Salesforce by this run", run, () -> seats);
		this.jdbc.query("SELECT currency, SUM(savings_annual) AS savings,"
				+ " SUM(savings_after_reclamation_annual) AS after_reclamation FROM license_position"
				+ " WHERE profile = ? AND run_date = ? AND currency IS NOT NULL GROUP BY currency", (row) -> {
					Tags currency = run.and("currency", row.getString("currency"));
					double savings = row.getBigDecimal("savings").doubleValue();
					double afterReclamation = row.getBigDecimal("after_reclamation").doubleValue();
					gauge("seatkeeper.savings.annual", null, "Potential yearly savings: owned seats beyond active users",
							currency, () -> savings);
					gauge("seatkeeper.savings.after.reclamation.annual", null,
							"Yearly savings once pending reclamations are done", currency, () -> afterReclamation);
				}, profile, runDate);
	}

	private void recordApiUsage(ApiBudget budget, Tags run, long callsMadeBefore) {
		long calls = budget.callsMade() - callsMadeBefore;
		gauge("seatkeeper.run.api.calls", null, "Salesforce API calls this run made", run, () -> calls);
		ApiBudget.Usage usage = budget.lastUsage();
		if (usage != null) {
			gauge("seatkeeper.org.api.requests.remaining", null,
					"The org's daily API requests left, as Salesforce last reported", run, () -> usage.max() - usage.used());
			gauge("seatkeeper.org.api.requests.limit", null, "The org's daily API request limit", run, usage::max);
		}
	}

	private void gauge(String name, @Nullable String unit, String description, Tags tags, Supplier<Number> value) {
		Gauge.builder(name, value).baseUnit(unit).description(description).tags(tags).strongReference(true)
			.register(this.registry);
	}

	/** The run's meters only, read when pushed: the process's JVM meters are no part of a run. */
	private MultiCollector runMetrics() {
		return () -> this.registry.getPrometheusRegistry()
			.scrape((name) -> name.startsWith("spring_batch") || name.startsWith("seatkeeper"));
	}

	private static boolean isRunMeter(Meter meter) {
		String name = meter.getId().getName();
		return name.startsWith("spring.batch") || name.startsWith("seatkeeper.");
	}

}
