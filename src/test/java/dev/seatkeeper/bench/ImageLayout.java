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
 * start, which production does not pay, so the benchmark does not either.
 */
final class ImageLayout {

	static final String LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

	private ImageLayout() {
	}

	/** Extracts the jar under {@code workDir} and returns the directory to put on the class path. */
	static Path assemble(Path java, Path jar, Path workDir) throws IOException, InterruptedException {
		Path layers = workDir.resolve("layers");
		Path app = Files.createDirectories(workDir.resolve("app"));
		Process extract = new ProcessBuilder(java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
				"--layers", "--launcher", "--destination", layers.toString())
			.redirectErrorStream(true)
			.redirectOutput(workDir.resolve("extract.log").toFile())
			.start();
		if (extract.waitFor() != 0) {
			throw new IllegalStateException("Extracting " + jar + " failed; see " + workDir.resolve("extract.log"));
		}
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
