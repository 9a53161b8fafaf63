package dev.seatkeeper.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import dev.seatkeeper.job.ExitCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the image would do, without a Docker engine: the Dockerfile's layer extraction on the packaged jar, its
 * COPY of the layers into one directory, its Class Data Sharing training run there, and its ENTRYPOINT. Needs
 * {@code target/seatkeeper.jar}, so it runs in {@code ./mvnw verify}.
 */
class PackagedImageIT {

	private static final Path JAR = Path.of("target", "seatkeeper.jar");

	private static final Dockerfile dockerfile = Dockerfile.read();

	@TempDir
	static Path work;

	static Path layers;

	static Path app;

	@BeforeAll
	static void extractAndAssembleAsTheDockerfileDoes() throws Exception {
		assertThat(JAR).as("run ./mvnw verify, which packages the jar first").isRegularFile();
		layers = work.resolve("layers");
		List<String> extract = new ArrayList<>(dockerfile.extractCommand());
		extract.set(0, java());
		int destination = extract.indexOf("--destination");
		extract.set(destination + 1, layers.toString());
		assertThat(run(extract, Path.of("."), Map.of()).exitCode()).isZero();

		app = Files.createDirectory(work.resolve("app"));
		for (String layer : dockerfile.copiedLayers()) {
			copyInto(layers.resolve(layer), app);
		}

		// The training run's NAME=value prefix becomes its environment, its throwaway home a directory of this test;
		// the profiles are where the image's ENV puts them.
		List<String> training = new ArrayList<>(dockerfile.trainingCommand());
		Map<String, String> environment = new HashMap<>(Map.of("SEATKEEPER_PROFILES_DIR", Path.of("jobs/profiles").toAbsolutePath().toString()));
		while (training.get(0).matches("[A-Z_]+=.*")) {
			String setting = training.remove(0);
			environment.put(setting.substring(0, setting.indexOf('=')), work.resolve("training-home").toString());
		}
		training.set(0, java());
		Result trained = run(training, app, environment);
		assertThat(trained.exitCode()).as(trained.output()).isZero();
	}

	@Test
	void theJarSplitsIntoTheFourLayersTheDockerfileCopies() throws IOException {
		try (Stream<Path> extracted = Files.list(layers)) {
			assertThat(extracted.map((layer) -> layer.getFileName().toString()))
				.containsExactlyInAnyOrderElementsOf(dockerfile.copiedLayers());
		}
		try (Stream<Path> libraries = Files.list(layers.resolve("dependencies/lib"))) {
			assertThat(libraries.map(Path::getFileName).map(Path::toString)).contains("spring-boot-4.0.7.jar")
				.noneMatch((library) -> library.contains("SNAPSHOT"));
		}
		assertThat(layers.resolve("snapshot-dependencies")).isDirectory();
		try (JarFile thin = new JarFile(layers.resolve("application/seatkeeper.jar").toFile())) {
			assertThat(thin.getEntry("dev/seatkeeper/SeatkeeperApplication.class")).isNotNull();
			assertThat(thin.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.seatkeeper.SeatkeeperApplication");
			assertThat(thin.getManifest().getMainAttributes().getValue("Class-Path")).contains("lib/spring-boot-4.0.7.jar");
		}
	}

	@Test
	void theEntrypointStartsWithTheArchiveOfTheTrainingRun() throws Exception {
		assertThat(app.resolve(archive())).isRegularFile();
		List<String> logged = new ArrayList<>(dockerfile.entrypoint());
		logged.add(1, "-Xlog:class+load");
		logged.set(0, java());
		logged.add("--version");
		Result version = run(logged, app, Map.of());

		assertThat(version.exitCode()).as(version.output()).isEqualTo(ExitCode.OK.code());
		assertThat(version.output()).as("our classes come from the archive, not from the jar")
			.containsPattern("dev\\.seatkeeper\\.cli\\.Console source: shared objects file \\(top\\)");
	}

	@Test
	void theEntrypointStartsTheApplicationFromTheLayers() throws Exception {
		Result version = entrypoint(Map.of(), "--version");
		assertThat(version.exitCode()).as(version.output()).isEqualTo(ExitCode.OK.code());
		assertThat(version.output()).containsPattern("seatkeeper \\d+\\.\\d+\\.\\d+").doesNotContain("development build");

		Result help = entrypoint(Map.of(), "--help");
		assertThat(help.exitCode()).as(help.output()).isEqualTo(ExitCode.OK.code());
		assertThat(help.output()).contains("migrate").contains("profiles");
	}

	@Test
	void theMigrationJobsCommandMigratesAndTheNightlySettingRefusesIt() throws Exception {
		Result migrate = entrypoint(Map.of("SEATKEEPER_HOME", work.resolve("home-migrate").toString()), "migrate");
		assertThat(migrate.exitCode()).as(migrate.output()).isEqualTo(ExitCode.OK.code());
		assertThat(migrate.output()).containsPattern("schema version \\d+, 0 migrations applied now, 0 pending");

		Result flywayOff = entrypoint(Map.of("SEATKEEPER_HOME", work.resolve("home-off").toString(), "SPRING_FLYWAY_ENABLED", "false"), "migrate");
		assertThat(flywayOff.exitCode()).as(flywayOff.output()).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
	}

	@Test
	void theProfilesAreReadFromAConfigMapMountLaidOutAsTheKubeletDoes() throws Exception {
		// The kubelet writes the files into a timestamped directory and links them through ..data.
		Path mount = Files.createDirectory(work.resolve("profiles-mount"));
		Path version = Files.createDirectory(mount.resolve("..2026_11_27_01_30_00.000000001"));
		Files.createSymbolicLink(mount.resolve("..data"), version.getFileName());
		for (String file : ManifestsProfiles.fileNames()) {
			Files.copy(Manifests.PROFILES.resolve(file), version.resolve(file));
			Files.createSymbolicLink(mount.resolve(file), Path.of("..data", file));
		}
		Result validate = entrypoint(Map.of("SEATKEEPER_PROFILES_DIR", mount.toString()), "profiles", "validate");
		assertThat(validate.exitCode()).as(validate.output()).isEqualTo(ExitCode.OK.code());
		assertThat(validate.output()).contains(ManifestsProfiles.fileNames().size() + " valid, 0 problems");
	}

	@Test
	void anOutOfMemoryErrorUnderTheEntrypointsFlagsExitsLikeAnOomKillNotWithOneOfSeatkeepersCodes() throws Exception {
		Path program = Files.writeString(work.resolve("Exhaust.java"), """
				public class Exhaust {
					public static void main(String[] args) {
						java.util.List<long[]> hold = new java.util.ArrayList<>();
						while (true) {
							hold.add(new long[1_000_000]);
						}
					}
				}
				""");
		List<String> command = new ArrayList<>(dockerfile.entrypoint());
		command.set(0, java());
		command.subList(command.indexOf("-jar"), command.size()).clear();
		command.addAll(List.of("-Xmx32m", program.toString()));
		Result result = run(command, work, Map.of());
		assertThat(Arrays.stream(ExitCode.values()).map(ExitCode::code)).doesNotContain(result.exitCode());
		assertThat(result.exitCode()).as(result.output()).isEqualTo(137);
	}

	private static Result entrypoint(Map<String, String> environment, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(dockerfile.entrypoint());
		command.set(0, java());
		command.addAll(List.of(arguments));
		Map<String, String> env = new HashMap<>(Map.of("SEATKEEPER_HOME", work.resolve("home").toString(),
				"SEATKEEPER_PROFILES_DIR", Path.of("jobs/profiles").toAbsolutePath().toString()));
		env.putAll(environment);
		return run(command, app, env);
	}

	private static Result run(List<String> command, Path directory, Map<String, String> environment) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
		return new Result(process.exitValue(), output);
	}

	private static String archive() {
		return dockerfile.entrypoint().stream()
			.filter((argument) -> argument.startsWith("-XX:SharedArchiveFile="))
			.findFirst()
			.orElseThrow()
			.substring("-XX:SharedArchiveFile=".length());
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static void copyInto(Path source, Path target) throws IOException {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				Path destination = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	record Result(int exitCode, String output) {
	}

}
