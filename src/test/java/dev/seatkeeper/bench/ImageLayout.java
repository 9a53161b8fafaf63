package dev.seatkeeper.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jar laid out and started as the image does (k8s/Dockerfile): its layers extracted without the launcher (a thin
 * jar whose manifest lists {@code lib/}) and copied into one directory, a Class Data Sharing training run there
 * ({@code -XX:ArchiveClassesAtExit}, {@code -Dspring.context.exit=onRefresh}, a throwaway H2 home), and every night
 * started with {@code -XX:SharedArchiveFile -jar seatkeeper.jar}. With {@code -Dbench.cds=false} the same layout
 * starts without the archive: the "before" of the README's "Start faster".
 */
final class ImageLayout {

	static final boolean CDS = !"false".equals(System.getProperty("bench.cds", "true").trim());

	private static final String ARCHIVE = "seatkeeper.jsa";

	private static final String THIN_JAR = "seatkeeper.jar";

	private ImageLayout() {
	}

	/** Extracts the jar under {@code workDir} as the image does and returns the directory it starts from. */
	static Path assemble(Path java, Path jar, Path workDir) throws IOException, InterruptedException {
		Path layers = workDir.resolve("layers");
		Path app = Files.createDirectories(workDir.resolve("app"));
		run(workDir, "extract.log", java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers",
				"--destination", layers.toString());
		for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
			copyInto(layers.resolve(layer), app);
		}
		Files.move(app.resolve(jar.getFileName().toString()), app.resolve(THIN_JAR), StandardCopyOption.REPLACE_EXISTING);
		if (CDS) {
			train(java, app, workDir);
		}
		return app;
	}

	/** The java arguments that start the application laid out in {@code app}, before its own arguments. */
	static List<String> launch(Path app) {
		return CDS ? List.of("-XX:SharedArchiveFile=" + app.resolve(ARCHIVE), "-jar", app.resolve(THIN_JAR).toString())
				: List.of("-jar", app.resolve(THIN_JAR).toString());
	}

	static String describe() {
		return CDS ? "as the image starts it: extracted thin jar and lib/, CDS archive of a training run"
				: "extracted thin jar and lib/ without a CDS archive (-Dbench.cds=false)";
	}

	/** The Dockerfile's training run: the context starts on a throwaway H2 database and exits once refreshed. */
	private static void train(Path java, Path app, Path workDir) throws IOException, InterruptedException {
		ProcessBuilder training = new ProcessBuilder(java.toString(), "-XX:ArchiveClassesAtExit=" + app.resolve(ARCHIVE),
				"-Dspring.context.exit=onRefresh", "-jar", app.resolve(THIN_JAR).toString(), "status");
		training.environment().put("SEATKEEPER_HOME", Files.createDirectories(workDir.resolve("training")).toString());
		training.redirectErrorStream(true).redirectOutput(workDir.resolve("cds-training.log").toFile()).start().waitFor();
		if (!Files.isRegularFile(app.resolve(ARCHIVE))) {
			throw new IllegalStateException("The CDS training run wrote no archive; see " + workDir.resolve("cds-training.log"));
		}
	}

	private static void run(Path workDir, String log, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(workDir.resolve(log).toFile())
			.start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed; see " + workDir.resolve(log));
		}
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
