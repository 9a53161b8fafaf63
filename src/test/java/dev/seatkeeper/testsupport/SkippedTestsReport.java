package dev.seatkeeper.testsupport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Ends {@code ./mvnw verify} with how many tests were skipped and why, most frequent reason first ("55 skipped: No
 * MySQL-compatible server: set SEATKEEPER_TEST_DB_URL ..."), read from the Surefire and Failsafe XML reports, so the
 * reasons are on the console and not only in those files. The pom runs it in the verify phase unless tests are
 * skipped; it prints nothing when nothing was skipped. A test aborted by an assumption counts as skipped, as Maven
 * counts it.
 */
public final class SkippedTestsReport {

	private SkippedTestsReport() {
	}

	public static void main(String[] reportDirectories) throws Exception {
		print(Stream.of(reportDirectories).map(Path::of).toList(), System.out);
	}

	static void print(List<Path> reportDirectories, PrintStream out) throws Exception {
		Map<String, Integer> reasons = new TreeMap<>();
		for (Path directory : reportDirectories) {
			for (Path report : reports(directory)) {
				NodeList skipped = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
					.getElementsByTagName("skipped");
				for (int i = 0; i < skipped.getLength(); i++) {
					reasons.merge(reason((Element) skipped.item(i)), 1, Integer::sum);
				}
			}
		}
		if (reasons.isEmpty()) {
			return;
		}
		out.printf("%nSkipped tests: %d%n", reasons.values().stream().mapToInt(Integer::intValue).sum());
		Map<String, Integer> byCount = new LinkedHashMap<>();
		reasons.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.forEach(reason -> byCount.put(reason.getKey(), reason.getValue()));
		byCount.forEach((reason, count) -> out.printf("  %d skipped: %s%n", count, reason));
		out.flush();
	}

	private static List<Path> reports(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(file -> file.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
		}
	}

	/**
	 * A disabled test's reason is the {@code message} attribute; an aborted one's is the first line of its stack
	 * trace, after the exception's class name.
	 */
	private static String reason(Element skipped) {
		String message = skipped.getAttribute("message");
		if (message.isBlank()) {
			message = skipped.getTextContent().strip().lines().findFirst().orElse("");
			message = message.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
		}
		message = message.replaceFirst("^Assumption failed: ", "").strip();
		return message.isEmpty() ? "no reason given" : message;
	}

}
