package dev.seatkeeper.bench;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.seatkeeper.bench.BenchDatabase.StepFigures;

/** One table per scenario: the steps of both nights side by side, then totals, API calls, heap and JVM options. */
final class Report {

	private final PrintStream out;

	Report(PrintStream out) {
		this.out = out;
	}

	void print(Scenario scenario, long loginEvents, List<Night> nights) {
		this.out.printf("%n=== %,d users, %d days of login history (%,d login events), Salesforce latency %d ms, "
				+ "%d cursors ===%n", scenario.users(), scenario.loginDays(), loginEvents, scenario.latencyMs(),
				scenario.cursors());
		this.out.printf("job JVM options: %s (+ -Xlog:gc for the peak); started %s; compressed answers: %s%n",
				String.join(" ", scenario.jobJvmOptions()), ImageLayout.describe(),
				scenario.compression() ? "on" : "off (seatkeeper.salesforce.compression=false)");
		StringBuilder header = new StringBuilder(String.format("%-34s", "step"));
		nights.forEach(night -> header.append(String.format(" | %-32s", night.label())));
		this.out.println(header);
		StringBuilder columns = new StringBuilder(String.format("%-34s", ""));
		nights.forEach(night -> columns.append(String.format(" | %10s %10s %10s", "rows", "seconds", "rows/s")));
		this.out.println(columns);
		Set<String> names = new LinkedHashSet<>();
		nights.forEach(night -> night.steps().forEach(step -> names.add(step.name())));
		for (String name : names) {
			StringBuilder line = new StringBuilder(String.format("%-34s", name));
			for (Night night : nights) {
				StepFigures step = night.step(name);
				long rows = (step == null) ? 0 : Math.max(step.read(), step.written());
				double seconds = (step == null) ? 0 : step.elapsed().toMillis() / 1000.0;
				line.append(String.format(" | %,10d %10.1f %10s", rows, seconds, rate(rows, seconds)));
			}
			this.out.println(line);
		}
		row(nights, "JVM start, Flyway, report (rest)", night -> String.format("%10s %10.1f %10s", "",
				night.run().wall().toMillis() / 1000.0 - night.stepSeconds(), ""));
		row(nights, "start to 1st Salesforce call", night -> String.format("%10s %10s %10s", "",
				(night.toFirstCall() != null) ? String.format("%.1f", night.toFirstCall().toMillis() / 1000.0) : "-", ""));
		row(nights, "TOTAL end to end (process wall)", night -> String.format("%,10d %10.1f %10s", night.rowsWritten(),
				night.run().wall().toMillis() / 1000.0, rate(night.rowsWritten(), night.run().wall().toMillis() / 1000.0)));
		row(nights, "login events read", night -> String.format("%,32d", night.loginEventsRead()));
		row(nights, "API calls made / pages needed", night -> String.format("%32s", String.format("%,d / %,d (%+d)",
				night.apiCalls(), night.pagesNeeded(), night.apiCalls() - night.pagesNeeded())));
		row(nights, "recordActivity pages / needed", night -> String.format("%32s", String.format("%,d / %,d (%+d)",
				night.recordActivityPages()[0], night.recordActivityPages()[1],
				night.recordActivityPages()[0] - night.recordActivityPages()[1])));
		row(nights, "bytes received from Salesforce", night -> String.format("%32s", String.format("%,d (%.1f MB)",
				night.bytesReceived(), night.bytesReceived() / 1e6)));
		row(nights, "CPU s: job / sandbox / db server", night -> String.format("%32s", String.format("%.1f / %.1f / %.1f",
				night.cpu().job(), night.cpu().sandbox(), night.cpu().server())));
		row(nights, "machine load average at start", night -> String.format("%32.2f", night.cpu().loadAtStart()));
		row(nights, "peak heap (MB)", night -> String.format("%,32d", night.run().peakHeapMb()));
		row(nights, "result", night -> String.format("%32s", night.outcome()));
	}

	void printLatencyCheck(Scenario scenario, Night first, long loginPages) {
		StepFigures pull = first.step("pullActivity");
		double ideal = loginPages * scenario.latencyMs() / 1000.0 / scenario.cursors();
		double actual = pull.elapsed().toMillis() / 1000.0;
		this.out.printf("latency check: backfill %.1f s for %,d pages at %d ms over %d cursors; ideal %.1f s, "
				+ "limit 1.3 x ideal = %.1f s: %s (%.2f x ideal)%n", actual, loginPages, scenario.latencyMs(),
				scenario.cursors(), ideal, 1.3 * ideal, (actual <= 1.3 * ideal) ? "MET" : "MISSED", actual / ideal);
	}

	private void row(List<Night> nights, String label, java.util.function.Function<Night, String> cell) {
		StringBuilder line = new StringBuilder(String.format("%-34s", label));
		nights.forEach(night -> line.append(" | ").append(cell.apply(night)));
		this.out.println(line);
	}

	private static String rate(long rows, double seconds) {
		return (rows == 0 || seconds < 0.05) ? "" : String.format("%,d", Math.round(rows / seconds));
	}

	/** The first night against the floor: the same login rows loaded in bulk into an empty indexed copy. */
	void printFloor(LoadFloor.Figures floor, Night first) {
		if (floor == null) {
			return;
		}
		StepFigures pull = first.step("pullActivity");
		double night = first.run().wall().toMillis() / 1000.0;
		double pullActivity = (pull != null) ? pull.elapsed().toMillis() / 1000.0 : Double.NaN;
		this.out.printf("floor: LOAD DATA LOCAL INFILE of the night's %,d login rows into an empty copy of login_event "
				+ "(same keys): %.1f s%n", floor.rows(), floor.seconds());
		this.out.printf("first night / floor: %.2f x; pullActivity / floor: %.2f x%n", night / floor.seconds(),
				pullActivity / floor.seconds());
	}

}
