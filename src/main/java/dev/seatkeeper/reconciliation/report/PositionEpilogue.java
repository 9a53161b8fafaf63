package dev.seatkeeper.reconciliation.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.seatkeeper.launch.RunEpilogue;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.reconciliation.CurrencyTotal;
import dev.seatkeeper.reconciliation.LicensePosition;
import dev.seatkeeper.table.Amounts;

/**
 * After a run's step table: the short position table (model, owned, assigned, active, status, savings) of the run
 * date, and the HTML report written to the reports directory. Prints nothing when the run reached no position.
 */
public class PositionEpilogue implements RunEpilogue {

	private final ReportAssembler reports;

	private final Path directory;

	public PositionEpilogue(ReportAssembler reports, Path directory) {
		this.reports = reports;
		this.directory = directory;
	}

	@Override
	public void print(RunResult result, PrintWriter out, int width) {
		if (!this.reports.hasPosition(result.profile(), result.runDate())) {
			return;
		}
		PositionReport report = this.reports.profile(result.profile(), result.runDate());
		List<LicensePosition> shown = report.models()
			.stream()
			.filter(model -> model.money() != null || model.seats().assigned() > 0)
			.toList();
		out.printf("%nLicense position (%d of %d models: those owned or held)%n", shown.size(), report.models().size());
		out.print(TableReport.summary(shown, width));
		for (CurrencyTotal total : report.totals()) {
			out.printf("  savings %s %s a year (%s after pending reclamations); true-up exposure %s %s a year%n",
					Amounts.grouped(total.savingsAnnual()), total.currency(),
					Amounts.grouped(total.savingsAfterReclamationAnnual()), Amounts.grouped(total.trueUpExposureAnnual()),
					total.currency());
		}
		writeHtml(report, out);
	}

	/** A report that cannot be written is said so; the run it describes has completed all the same. */
	private void writeHtml(PositionReport report, PrintWriter out) {
		Path file = this.directory.resolve(report.profile() + "-" + report.runDate() + ".html").toAbsolutePath();
		try {
			Files.createDirectories(this.directory);
			Files.writeString(file, HtmlReport.of(report), StandardCharsets.UTF_8);
			out.printf("  HTML report: %s%n", file);
		}
		catch (IOException ex) {
			out.printf("  HTML report not written to %s: %s%n", file, ex.getMessage());
		}
	}

}
