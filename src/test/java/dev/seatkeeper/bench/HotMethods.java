package dev.seatkeeper.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording boiled down to where the CPU went: execution samples per thread group (groups under 5% left out),
 * and per group the methods on top of the stack (self) and the project methods nearest the top (ours). Also a main,
 * to summarise any recording: {@code java -cp target/test-classes dev.seatkeeper.bench.HotMethods FILE.jfr}.
 */
final class HotMethods {

	private static final int TOP = 8;

	private final Map<String, Map<String, Integer>> selfByGroup = new HashMap<>();

	private final Map<String, Map<String, Integer>> oursByGroup = new HashMap<>();

	private final Map<String, Integer> samplesByGroup = new HashMap<>();

	public static void main(String[] args) throws IOException {
		for (String file : args) {
			print(Path.of(file), System.out);
		}
	}

	static void print(Path recording, PrintStream out) throws IOException {
		HotMethods hot = new HotMethods();
		try (RecordingFile file = new RecordingFile(recording)) {
			while (file.hasMoreEvents()) {
				hot.count(file.readEvent());
			}
		}
		hot.print(recording.getFileName().toString(), out);
	}

	private void count(RecordedEvent event) {
		if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null
				|| event.getStackTrace().getFrames().isEmpty()) {
			return;
		}
		String group = group(event.getThread("sampledThread").getJavaName());
		this.samplesByGroup.merge(group, 1, Integer::sum);
		List<RecordedFrame> frames = event.getStackTrace().getFrames();
		this.selfByGroup.computeIfAbsent(group, g -> new HashMap<>()).merge(name(frames.get(0)), 1, Integer::sum);
		frames.stream()
			.filter(frame -> frame.getMethod().getType().getName().startsWith("dev.seatkeeper"))
			.findFirst()
			.ifPresent(frame -> this.oursByGroup.computeIfAbsent(group, g -> new HashMap<>())
				.merge(name(frame), 1, Integer::sum));
	}

	private void print(String name, PrintStream out) {
		int total = this.samplesByGroup.values().stream().mapToInt(Integer::intValue).sum();
		out.printf("JFR %s: %d execution samples%n", name, total);
		this.samplesByGroup.entrySet()
			.stream()
			.filter(group -> group.getValue() * 20 >= total)
			.sorted(Map.Entry.comparingByValue((a, b) -> b - a))
			.forEach(group -> {
				out.printf("  thread %-22s %5.1f%% of samples%n", group.getKey(), 100.0 * group.getValue() / total);
				top(out, "self", this.selfByGroup.get(group.getKey()), group.getValue());
				top(out, "ours", this.oursByGroup.getOrDefault(group.getKey(), Map.of()), group.getValue());
			});
	}

	private static void top(PrintStream out, String label, Map<String, Integer> counts, int groupTotal) {
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue((a, b) -> b - a))
			.limit(TOP)
			.forEach(entry -> out.printf("    %-4s %5.1f%% %s%n", label, 100.0 * entry.getValue() / groupTotal,
					entry.getKey()));
	}

	private static String group(String thread) {
		return (thread == null) ? "?" : thread.replaceAll("[-#]?\\d+$", "");
	}

	private static String name(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
	}

}
