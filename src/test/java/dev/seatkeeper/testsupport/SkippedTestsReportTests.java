package dev.seatkeeper.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkippedTestsReportTests {

	@TempDir
	Path directory;

	@Test
	void verifyEndsWithTheSkippedTestsOfBothReportDirectoriesCountedByReasonMostFrequentFirst() throws Exception {
		Path surefire = Files.createDirectories(this.directory.resolve("surefire-reports"));
		Path failsafe = Files.createDirectories(this.directory.resolve("failsafe-reports"));
		report(surefire, "TEST-a.ATests.xml", aborted("No MySQL-compatible server: set SEATKEEPER_TEST_DB_URL"),
				aborted("No MySQL-compatible server: set SEATKEEPER_TEST_DB_URL"),
				"<testcase name=\"passes\"/>", "<testcase name=\"off\"><skipped message=\"a condition said so\"/></testcase>");
		report(failsafe, "TEST-a.BIT.xml", aborted("No MySQL-compatible server: set SEATKEEPER_TEST_DB_URL"),
				"<testcase name=\"jq\"><skipped type=\"org.opentest4j.TestAbortedException\"><![CDATA["
						+ "org.opentest4j.TestAbortedException: Assumption failed: jq is not on the PATH\n\tat x.y(Z.java:1)"
						+ "]]></skipped></testcase>");
		Files.writeString(surefire.resolve("a.ATests.txt"), "not a report");

		assertThat(print(surefire, failsafe).lines()).containsExactly("", "Skipped tests: 5",
				"  3 skipped: No MySQL-compatible server: set SEATKEEPER_TEST_DB_URL", "  1 skipped: a condition said so",
				"  1 skipped: jq is not on the PATH");
	}

	@Test
	void nothingSkippedOrNoReportsPrintsNothing() throws Exception {
		Path surefire = Files.createDirectories(this.directory.resolve("surefire-reports"));
		report(surefire, "TEST-a.ATests.xml", "<testcase name=\"passes\"/>");

		assertThat(print(surefire, this.directory.resolve("failsafe-reports"))).isEmpty();
	}

	private static String aborted(String reason) {
		return "<testcase name=\"server\"><skipped type=\"org.opentest4j.TestAbortedException\"><![CDATA["
				+ "org.opentest4j.TestAbortedException: " + reason + "\n\tat org.junit.jupiter.api.Assumptions.abort"
				+ "(Assumptions.java:316)]]></skipped></testcase>";
	}

	private static void report(Path directory, String name, String... testcases) throws Exception {
		Files.writeString(directory.resolve(name), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"x\">"
				+ String.join("", testcases) + "</testsuite>");
	}

	private static String print(Path... directories) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		SkippedTestsReport.print(List.of(directories), new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
