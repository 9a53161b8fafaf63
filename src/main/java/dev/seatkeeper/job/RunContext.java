package dev.seatkeeper.job;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.salesforce.SalesforceClient;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * What every step of one run works with: the validated profile, the run date, the as-of instant, the org's client
 * and the operator who lifted the reclaim caps. A job-scoped bean, built once per job execution on first use inside
 * a step (after {@link AsOfListener} has fixed the as-of) from what the job repository keeps: the job parameters
 * name the profile and the directory it was read from, the job ExecutionContext holds the as-of. A restart, through
 * the launcher or through {@code JobOperator} alone, therefore builds the same context in any process.
 *
 * <p>What steps learn during a run ({@code connect}'s findings in the job ExecutionContext) is not here; it is read
 * where it is used. Immutable and thread-safe; partition threads reach it through {@link JobScopeTaskDecorator}.
 */
public class RunContext {

	private final Profile profile;

	private final LocalDate runDate;

	private final RunKey runKey;

	private final OrgSessions orgs;

	private final @Nullable String overrideCapsBy;

	public RunContext(Profile profile, LocalDate runDate, Instant asOf, OrgSessions orgs,
			@Nullable String overrideCapsBy) {
		this.profile = profile;
		this.runDate = runDate;
		this.runKey = new RunKey(profile.name(), asOf);
		this.orgs = orgs;
		this.overrideCapsBy = overrideCapsBy;
	}

	/** The context of a job execution; its profile from {@code profiles}, as the launcher validated it. */
	public static RunContext of(JobExecution execution, RunProfileSource profiles, OrgSessions orgs) {
		JobParameters parameters = execution.getJobParameters();
		String name = required(parameters.getString(RunParameters.PROFILE), RunParameters.PROFILE);
		LocalDate runDate = required(parameters.getLocalDate(RunParameters.RUN_DATE), RunParameters.RUN_DATE);
		String asOf = execution.getExecutionContext().getString(RunKey.AS_OF, "");
		if (asOf.isEmpty()) {
			throw new IllegalStateException("Execution " + execution.getId() + " has no as-of instant: the run context"
					+ " was asked for before AsOfListener ran");
		}
		String directory = parameters.getString(RunParameters.PROFILES_DIR);
		Profile profile = profiles.profile(name, (directory != null) ? Path.of(directory) : null);
		return new RunContext(profile, runDate, Instant.parse(asOf), orgs,
				parameters.getString(RunParameters.OVERRIDE_CAPS_BY));
	}

	private static <T> T required(@Nullable T value, String parameter) {
		if (value == null) {
			throw new IllegalStateException("The nightly job needs the job parameter '" + parameter + "'");
		}
		return value;
	}

	public Profile profile() {
		return this.profile;
	}

	/** The profile's name, as the job parameter gives it and every table is keyed by. */
	public String profileName() {
		return this.profile.name();
	}

	public LocalDate runDate() {
		return this.runDate;
	}

	/** Fixed when the job instance first started; a restart sees the same instant. */
	public Instant asOf() {
		return this.runKey.asOf();
	}

	public RunKey runKey() {
		return this.runKey;
	}

	/** The profile's Salesforce client, connected on first use and shared by every run of it in this process. */
	public SalesforceClient client() {
		return this.orgs.client(this.profile);
	}

	/** The operator who lifted the reclaim caps for this launch; null keeps the caps. */
	public @Nullable String overrideCapsBy() {
		return this.overrideCapsBy;
	}

}
