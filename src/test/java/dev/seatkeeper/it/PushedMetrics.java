package dev.seatkeeper.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Samples of a Prometheus text exposition, enough to look values up by name and labels. */
record PushedMetrics(List<Sample> samples) {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	record Sample(String name, Map<String, String> labels, double value) {

	}

	static PushedMetrics parse(String text) {
		return new PushedMetrics(text.lines().filter((line) -> !line.startsWith("#") && !line.isBlank()).map(PushedMetrics::sample).toList());
	}

	private static Sample sample(String line) {
		Matcher matcher = SAMPLE.matcher(line);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a sample: " + line);
		}
		Map<String, String> labels = new LinkedHashMap<>();
		if (matcher.group(2) != null) {
			Matcher label = LABEL.matcher(matcher.group(2));
			while (label.find()) {
				labels.put(label.group(1), label.group(2));
			}
		}
		return new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(3)));
	}

	List<String> names() {
		return this.samples.stream().map(Sample::name).distinct().toList();
	}

	/** The samples of a metric whose labels include the given ones. */
	List<Sample> find(String name, Map<String, String> labels) {
		return this.samples.stream()
			.filter((sample) -> sample.name().equals(name) && sample.labels().entrySet().containsAll(labels.entrySet()))
			.toList();
	}

	/** The value of the one sample of a metric with the given labels. */
	double value(String name, Map<String, String> labels) {
		List<Sample> found = find(name, labels);
		if (found.size() != 1) {
			throw new AssertionError("Expected one sample " + name + labels + " but found " + found);
		}
		return found.get(0).value();
	}

}
