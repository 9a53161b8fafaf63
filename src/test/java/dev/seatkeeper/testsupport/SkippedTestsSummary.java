package dev.seatkeeper.testsupport;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Ends a test run with how many tests were skipped and why, most frequent reason first ("55 skipped: No
 * MySQL-compatible server: set SEATKEEPER_TEST_DB_URL ..."), so the reasons are on the console and not only in the
 * XML reports. Registered for the JUnit Platform through {@code META-INF/services}; prints nothing when nothing was
 * skipped. A test aborted by an assumption counts as skipped, as Maven counts it.
 */
public class SkippedTestsSummary implements TestExecutionListener {

	private final Map<String, Integer> reasons = new TreeMap<>();

	private final PrintStream out;

	public SkippedTestsSummary() {
		this(System.out);
	}

	SkippedTestsSummary(PrintStream out) {
		this.out = out;
	}

	@Override
	public void executionSkipped(TestIdentifier test, String reason) {
		count(reason);
	}

	@Override
	public void executionFinished(TestIdentifier test, TestExecutionResult result) {
		if (test.isTest() && result.getStatus() == TestExecutionResult.Status.ABORTED) {
			count(result.getThrowable().map(Throwable::getMessage).orElse(null));
		}
	}

	@Override
	public synchronized void testPlanExecutionFinished(TestPlan plan) {
		if (this.reasons.isEmpty()) {
			return;
		}
		int total = this.reasons.values().stream().mapToInt(Integer::intValue).sum();
		this.out.printf("%nSkipped tests: %d%n", total);
		this.reasons.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.forEach(reason -> this.out.printf("  %d skipped: %s%n", reason.getValue(), reason.getKey()));
		this.out.flush();
		this.reasons.clear();
	}

	private synchronized void count(String reason) {
		String text = (reason == null || reason.isBlank()) ? "no reason given" : reason.strip();
		this.reasons.merge(text.replaceFirst("^Assumption failed: ", ""), 1, Integer::sum);
	}

}
