package dev.seatkeeper.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.launch.GracefulStop;
import dev.seatkeeper.launch.NightlyJobRunner;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.profile.InvalidProfilesException;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ProfileCatalog;
import dev.seatkeeper.profile.Profiles;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run --profile NAME [--run-date D]} or {@code run --all}: every profile is validated first; each selected
 * profile then runs as its own job instance, one failing does not stop the others, and the exit code is the worst.
 */
@Command(name = "run", description = "Run the nightly job for one profile or every published one.")
public class RunCommand extends ConsoleCommand {

	private final Profiles profiles;

	private final NightlyJobRunner runner;

	private final GracefulStop gracefulStop;

	private final RunReport report;

	private final Clock clock;

	@ArgGroup(multiplicity = "1")
	Selection selection;

	@Option(names = "--run-date", description = "The run date, YYYY-MM-DD (default: today, UTC). Same profile and date again restarts a failed or stopped run.")
	@Nullable LocalDate runDate;

	@Option(names = "--override-caps", description = "Lift the reclamation caps for this run (needs --operator; audited on every candidate written beyond them).")
	boolean overrideCaps;

	@Option(names = "--operator", description = "Who overrides the caps, recorded in the audit.")
	@Nullable String operator;

	@Option(names = "--profiles-dir", description = "Directory of profile files (default: $SEATKEEPER_PROFILES_DIR or jobs/profiles).")
	@Nullable Path profilesDir;

	static class Selection {

		@Option(names = "--profile", description = "The profile to run.", required = true)
		@Nullable String profile;

		@Option(names = "--all", description = "Every published profile.", required = true)
		boolean all;

	}

	public RunCommand(Profiles profiles, NightlyJobRunner runner, GracefulStop gracefulStop, RunReport report, Clock clock) {
		this.profiles = profiles;
		this.runner = runner;
		this.gracefulStop = gracefulStop;
		this.report = report;
		this.clock = clock;
	}

	@Override
	public Integer call() {
		if (this.overrideCaps && (this.operator == null || this.operator.isBlank())) {
			err().println("--override-caps needs --operator NAME: whoever lifts the caps is recorded in the audit. Nothing was run.");
			return ExitCode.USAGE.code();
		}
		ProfileCatalog catalog = this.profiles.load(this.profilesDir);
		List<Profile> selected;
		try {
			catalog.requireValid();
			selected = this.selection.all ? catalog.published() : List.of(catalog.requireRunnable(
					Objects.requireNonNull(this.selection.profile, "the exclusive group sets --profile without --all")));
		}
		catch (InvalidProfilesException ex) {
			err().println(ex.getMessage());
			err().println("Nothing was run.");
			return ExitCode.INVALID_CONFIGURATION.code();
		}
		if (selected.isEmpty()) {
			out().println("No published profiles in " + catalog.profiles().size() + " profile(s); nothing to run.");
			return ExitCode.OK.code();
		}
		LocalDate date = (this.runDate != null) ? this.runDate : LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		return this.gracefulStop.launching(() -> runAll(selected, date).code());
	}

	private ExitCode runAll(List<Profile> selected, LocalDate date) {
		List<RunResult> results = new ArrayList<>();
		ExitCode worst = ExitCode.OK;
		for (Profile profile : selected) {
			if (this.gracefulStop.isRequested()) {
				results.add(RunResult.notStarted(profile.name(), date, ExitCode.STOPPED, "not started: stop requested"));
				worst = worst.worse(ExitCode.STOPPED);
				continue;
			}
			RunResult result = this.runner.run(profile, date, this.overrideCaps ? this.operator : null);
			this.report.printSteps(result, out());
			results.add(result);
			worst = worst.worse(result.exitCode());
		}
		this.report.printResults(out(), results);
		return worst;
	}

}
