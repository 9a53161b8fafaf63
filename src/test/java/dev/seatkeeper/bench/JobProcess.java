package dev.seatkeeper.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One night: {@code java <options> -XX:SharedArchiveFile=… -jar seatkeeper.jar run --profile bench} on the image's layout ({@link ImageLayout}), in
 * a JVM of its own, timed from the outside. Peak heap comes from the JVM's GC log: the largest heap use seen before a collection or at exit.
 */
final class JobProcess {

	private static final Pattern BEFORE_GC = Pattern.compile("Pause .* (\\d+)M->\\d+M\\(\\d+M\\)");

	private static final Pattern AT_EXIT = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

	private JobProcess() {
	}

	static JobRun run(Path java, Path app, List<String> jvmOptions, BenchDatabase database, Path profilesDir,
			LocalDate runDate, Path workDir, String name, boolean jfr, boolean compression)
			throws IOException, InterruptedException {
		Path gcLog = workDir.resolve(name + "-gc.log");
		Path out = workDir.resolve(name + ".log");
		Path recording = workDir.resolve(name + ".jfr");
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.addAll(jvmOptions);
		command.add("-Xlog:gc,gc+heap+exit:file=" + gcLog);
		if (jfr) {
			command.add("-XX:StartFlightRecording=settings=profile,filename=" + recording);
		}
		command.addAll(ImageLayout.launch(app));
		command.addAll(List.of("run", "--profile", BenchDatabase.PROFILE, "--run-date", runDate.toString(),
				"--profiles-dir", profilesDir.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
		Map<String, String> env = builder.environment();
		env.put("SPRING_DATASOURCE_URL", database.jobUrl());
		env.put("SPRING_DATASOURCE_USERNAME", "root");
		env.put("SPRING_DATASOURCE_PASSWORD", "");
		env.put("SANDBOX_CLIENT_SECRET", "sandbox-secret");
		env.put("SEATKEEPER_HOME", workDir.resolve("home").toString());
		env.put("SEATKEEPER_SALESFORCE_COMPRESSION", String.valueOf(compression));
		long started = System.nanoTime();
		Process process = builder.start();
		Instant startedAt = process.toHandle().info().startInstant().orElseGet(Instant::now);
		Duration cpu = Duration.ZERO;
		while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
			cpu = CpuTime.of(process.toHandle());
		}
		Duration wall = Duration.ofNanos(System.nanoTime() - started);
		return new JobRun(process.exitValue(), startedAt, wall, cpu, peakHeapMb(gcLog), out, jfr ? recording : null);
	}

	static long peakHeapMb(Path gcLog) throws IOException {
		long peakKb = 0;
		for (String line : Files.readAllLines(gcLog)) {
			Matcher before = BEFORE_GC.matcher(line);
			if (before.find()) {
				peakKb = Math.max(peakKb, Long.parseLong(before.group(1)) * 1024);
			}
			Matcher exit = AT_EXIT.matcher(line);
			if (exit.find()) {
				peakKb = Math.max(peakKb, Long.parseLong(exit.group(1)));
			}
		}
		return peakKb / 1024;
	}

	/**
	 * What one job process did, seen from outside; its CPU time as last sampled, at most 200 ms before it ended;
	 * {@code startedAt} as the operating system recorded the process's start.
	 */
	record JobRun(int exitCode, Instant startedAt, Duration wall, Duration cpu, long peakHeapMb, Path output, Path recording) {
	}

}
