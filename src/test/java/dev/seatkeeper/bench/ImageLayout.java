package dev.seatkeeper.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jar laid out as the image runs it (k8s/Dockerfile): its layers extracted and copied into one directory,
 * started by Spring Boot's JarLauncher. Class loading from the nested jar costs several CPU seconds more at every
 * start, which production does not pay, so the benchmark does not either. With {@code -Dbench.cds=true} the jar is
 * extracted as Spring Boot recommends for Class Data Sharing instead (a thin jar and {@code lib/}), a training run
 * ({@code -XX:ArchiveClassesAtExit}, {@code -Dspring.context.exit=onRefresh}) writes the archive, and every night
 * starts with {@code -XX:SharedArchiveFile}: the README's "Start faster".
 */
final class ImageLayout {

	static final String LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

	static final boolean CDS = Boolean.getBoolean("bench.cds");

	private static final String ARCHIVE = "seatkeeper.jsa";

	private static final String THIN_JAR = "seatkeeper.jar";

	private ImageLayout() {
	}

	/** Extracts the jar under {@code workDir} and returns the directory {@link #launch} starts it from. */
	static Path assemble(Path java, Path jar, Path workDir) throws IOException, InterruptedException {
		return CDS ? withClassDataSharing(java, jar, workDir) : layers(java, jar, workDir);
	}

	/** The java arguments that start the application laid out in {@code app}, before its own arguments. */
	static List<String> launch(Path app) {
		return CDS ? List.of("-XX:SharedArchiveFile=" + app.resolve(ARCHIVE), "-jar", app.resolve(THIN_JAR).toString())
				: List.of("-cp", app.toString(), LAUNCHER);
	}

	static String describe() {
		return CDS ? "from the extracted jar with a CDS archive (-Dbench.cds=true)"
				: "as the image starts it: extracted layers, JarLauncher";
	}

	private static Path withClassDataSharing(Path java, Path jar, Path workDir) throws IOException, InterruptedException {
		Path app = workDir.resolve("cds");
		run(workDir, "extract.log", java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
				app.toString());
		Files.move(app.resolve(jar.getFileName().toString()), app.resolve(THIN_JAR), StandardCopyOption.REPLACE_EXISTING);
		// The training run starts the context on a throwaway H2 database and exits once it is refreshed.
		ProcessBuilder training = new ProcessBuilder(java.toString(), "-XX:ArchiveClassesAtExit=" + app.resolve(ARCHIVE),
				"-Dspring.context.exit=onRefresh", "-jar", app.resolve(THIN_JAR).toString(), "status");
		training.environment().put("SEATKEEPER_HOME", Files.createDirectories(workDir.resolve("training")).toString());
		training.redirectErrorStream(true).redirectOutput(workDir.resolve("cds-training.log").toFile()).start().waitFor();
		if (!Files.isRegularFile(app.resolve(ARCHIVE))) {
			throw new IllegalStateException("The CDS training run wrote no archive; see " + workDir.resolve("cds-training.log"));
		}
		return app;
	}

	private static void run(Path workDir, String log, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(workDir.resolve(log).toFile())
			.start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed; see " + workDir.resolve(log));
		}
	}

	private static Path layers(Path java, Path jar, Path workDir) throws IOException, InterruptedException {
		Path layers = workDir.resolve("layers");
		Path app = Files.createDirectories(workDir.resolve("app"));
		run(workDir, "extract.log", java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers",
				"--launcher", "--destination", layers.toString());
		for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
			copyInto(layers.resolve(layer), app);
		}
		return app;
	}

	private static void copyInto(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

}
