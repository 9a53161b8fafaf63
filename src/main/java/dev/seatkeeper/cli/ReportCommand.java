package dev.seatkeeper.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.Profiles;
import dev.seatkeeper.reconciliation.report.CsvReport;
import dev.seatkeeper.reconciliation.report.HtmlReport;
import dev.seatkeeper.reconciliation.report.JsonReport;
import dev.seatkeeper.reconciliation.report.PortfolioReport;
import dev.seatkeeper.reconciliation.report.PositionReport;
import dev.seatkeeper.reconciliation.report.ReportAssembler;
import dev.seatkeeper.reconciliation.report.TableReport;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code report --profile NAME [--run-date D] --format table|json|csv|html [--output FILE]} or {@code report --all}:
 * the stored position of one profile (its latest run date by default) or the portfolio of every profile. An unknown
 * profile exits {@link ExitCode#INVALID_CONFIGURATION}; a known one without a position for the date exits
 * {@link ExitCode#NOTHING_TO_REPORT}.
 */
@Command(name = "report", description = "Report the license position of one profile, or of all of them (--all).")
public class ReportCommand extends ConsoleCommand {

	public enum Format {

		TABLE, JSON, CSV, HTML

	}

	private final ReportAssembler reports;

	private final Profiles profiles;

	@ArgGroup(multiplicity = "1")
	Selection selection;

	@Option(names = "--run-date", description = "The run date, YYYY-MM-DD (default: the latest with a position).")
	@Nullable LocalDate runDate;

	@Option(names = "--format", defaultValue = "table", description = "table, json, csv or html (default ${DEFAULT-VALUE}).")
	Format format = Format.TABLE;

	@Option(names = "--output", description = "Write to this file instead of the console.")
	@Nullable Path output;

	@Option(names = "--wide", description = "Tables: never wrap model identifiers, whatever the terminal's width.")
	boolean wide;

	@Option(names = "--profiles-dir", description = "Directory of profile files (default: $SEATKEEPER_PROFILES_DIR or jobs/profiles).")
	@Nullable Path profilesDir;

	static class Selection {

		@Option(names = "--profile", description = "The profile to report.", required = true)
		@Nullable String profile;

		@Option(names = "--all", description = "The portfolio: every profile with a stored position.", required = true)
		boolean all;

	}

	public ReportCommand(ReportAssembler reports, Profiles profiles) {
		this.reports = reports;
		this.profiles = profiles;
	}

	@Override
	public Integer call() throws IOException {
		return this.selection.all ? portfolio() : profile(Objects.requireNonNull(this.selection.profile,
				"the exclusive group sets --profile without --all"));
	}

	private int profile(String name) throws IOException {
		if (!knownProfiles().contains(name)) {
			err().println("Unknown profile '" + name + "': no profile file and no stored position has that name.");
			return ExitCode.INVALID_CONFIGURATION.code();
		}
		LocalDate date = (this.runDate != null) ? this.runDate : this.reports.latestRunDate(name);
		if (date == null || !this.reports.hasPosition(name, date)) {
			err().println("No license position for profile '" + name + "'"
					+ ((date != null) ? " on " + date : "") + ": run `run --profile " + name
					+ ((this.runDate != null) ? " --run-date " + this.runDate : "") + "` first.");
			return ExitCode.NOTHING_TO_REPORT.code();
		}
		PositionReport report = this.reports.profile(name, date);
		return write(switch (this.format) {
			case TABLE -> TableReport.of(report, tableWidth());
			case JSON -> JsonReport.of(report);
			case CSV -> CsvReport.of(List.of(report));
			case HTML -> HtmlReport.of(report);
		});
	}

	private int portfolio() throws IOException {
		PortfolioReport portfolio = this.reports.portfolio(new ArrayList<>(knownProfiles()), this.runDate);
		if (portfolio.profiles().isEmpty()) {
			err().println("No license position stored" + ((this.runDate != null) ? " for " + this.runDate : "")
					+ ": run the nightly job first.");
			return ExitCode.NOTHING_TO_REPORT.code();
		}
		return write(switch (this.format) {
			case TABLE -> TableReport.of(portfolio, tableWidth());
			case JSON -> JsonReport.of(portfolio);
			case CSV -> CsvReport.of(portfolio.profiles());
			case HTML -> HtmlReport.of(portfolio);
		});
	}

	/** The terminal's width on the console; a file, like {@code --wide}, is never wrapped. */
	private int tableWidth() {
		return (this.wide || this.output != null) ? TerminalWidth.UNLIMITED : TerminalWidth.detect();
	}

	/** Profiles with a file, and profiles whose file is gone but whose positions remain. */
	private TreeSet<String> knownProfiles() {
		TreeSet<String> names = new TreeSet<>(this.reports.profilesWithPositions());
		this.profiles.load(this.profilesDir).profiles().stream().map(Profile::name).forEach(names::add);
		return names;
	}

	private int write(String content) throws IOException {
		if (this.output == null) {
			PrintWriter out = out();
			out.print(content);
			out.flush();
		}
		else {
			Path parent = this.output.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(this.output, content, StandardCharsets.UTF_8);
			err().println("Report written to " + this.output.toAbsolutePath());
		}
		return ExitCode.OK.code();
	}

}
