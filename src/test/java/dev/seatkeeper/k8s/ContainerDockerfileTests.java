package dev.seatkeeper.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

/** k8s/Dockerfile on its own and against the manifests; PackagedImageIT runs it against the packaged jar. */
class ContainerDockerfileTests {

	private final Dockerfile dockerfile = Dockerfile.read();

	@Test
	void buildsWithTheJdkAndRunsOnTheJre() {
		assertThat(this.dockerfile.all("FROM")).hasSize(2);
		assertThat(this.dockerfile.all("FROM").get(0)).startsWith("eclipse-temurin:17-jdk ").endsWith(" AS build");
		assertThat(this.dockerfile.last("FROM")).isEqualTo("eclipse-temurin:17-jre");
		assertThat(this.dockerfile.extractCommand()).containsSubsequence("java", "-Djarmode=tools", "-jar", "target/seatkeeper.jar",
				"extract", "--layers");
		assertThat(this.dockerfile.extractCommand()).as("the thin jar and lib/, not the nested-jar launcher layout, which CDS cannot use")
			.doesNotContain("--launcher");
	}

	@Test
	void copiesTheFourLayersLeastChangedFirst() {
		assertThat(this.dockerfile.copiedLayers())
			.containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
	}

	@Test
	void theEntrypointIsExecFormJavaSizedByTheContainerLimit() {
		List<String> entrypoint = this.dockerfile.entrypoint();
		assertThat(entrypoint.get(0)).isEqualTo("java");
		assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size())).containsExactly("-jar", "seatkeeper.jar");
		assertThat(entrypoint).anyMatch((argument) -> argument.startsWith("-XX:MaxRAMPercentage="));
		assertThat(entrypoint).as("a fixed heap ignores the container's memory limit").noneMatch((argument) -> argument.startsWith("-Xmx"));
		assertThat(entrypoint).as("the JVM exits 3 on OutOfMemoryError with it, which Seatkeeper uses for STOPPED")
			.doesNotContain("-XX:+ExitOnOutOfMemoryError")
			.contains("-XX:OnOutOfMemoryError=kill -9 %p");
	}

	@Test
	void theImageTrainsAClassDataSharingArchiveOnItsOwnJvmAndStartsWithIt() {
		List<String> training = this.dockerfile.trainingCommand();
		List<String> entrypoint = this.dockerfile.entrypoint();
		String archive = training.stream()
			.filter((argument) -> argument.startsWith("-XX:ArchiveClassesAtExit="))
			.findFirst()
			.orElseThrow()
			.substring("-XX:ArchiveClassesAtExit=".length());

		assertThat(entrypoint).contains("-XX:SharedArchiveFile=" + archive);
		assertThat(training).as("exits once the context is refreshed: no command runs, no Salesforce call")
			.contains("-Dspring.context.exit=onRefresh");
		assertThat(training).as("the same classpath as the entrypoint, or the JVM ignores the archive")
			.containsSubsequence("java", "-jar", "seatkeeper.jar");
		assertThat(training).as("the same heap sizing as the entrypoint")
			.containsAll(entrypoint.stream().filter((argument) -> argument.startsWith("-XX:MaxRAMPercentage=")).toList());
		assertThat(training.get(0)).as("a throwaway home: the context migrates an embedded database there")
			.startsWith("SEATKEEPER_HOME=/tmp/");
		List<String> runtime = this.dockerfile.runtimeStage().stream().map(Dockerfile.Instruction::keyword).toList();
		assertThat(runtime.lastIndexOf("COPY")).as("trained on the copied application").isLessThan(runtime.lastIndexOf("RUN"));
	}

	@Test
	void runsAsTheNonRootUserTheManifestsDeclare() {
		String user = this.dockerfile.last("USER");
		assertThat(user).as("numeric, so the kubelet can check runAsNonRoot").matches("\\d+:\\d+");
		long uid = Long.parseLong(user.substring(0, user.indexOf(':')));
		assertThat(uid).isNotZero();
		for (PodSpec pod : pods()) {
			assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(uid);
		}
	}

	@Test
	void theProfilesDirectoryAndHomeAreWhereTheManifestsMountThem() {
		String env = String.join(" ", this.dockerfile.all("ENV"));
		for (PodSpec pod : pods()) {
			var environment = Manifests.env(Manifests.container(pod.getContainers(), ManifestChecks.CONTAINER));
			assertThat(env).contains("SEATKEEPER_HOME=" + environment.get("SEATKEEPER_HOME"));
			if (environment.containsKey("SEATKEEPER_PROFILES_DIR")) {
				assertThat(env).contains("SEATKEEPER_PROFILES_DIR=" + environment.get("SEATKEEPER_PROFILES_DIR"));
			}
		}
	}

	@Test
	void theBuildContextLetsThroughEverythingTheDockerfileCopies() throws IOException {
		List<String> allowed = Files.readAllLines(Dockerfile.PATH.resolveSibling("Dockerfile.dockerignore"));
		assertThat(allowed).contains("*");
		for (String copy : this.dockerfile.all("COPY")) {
			if (copy.startsWith("--from")) {
				continue;
			}
			String[] sources = copy.split("\\s+");
			for (int i = 0; i < sources.length - 1; i++) {
				String source = sources[i];
				assertThat(allowed).as(source).anyMatch((line) -> line.startsWith("!") && source.startsWith(line.substring(1).replaceAll("/$", "")));
			}
		}
	}

	private static List<PodSpec> pods() {
		var objects = Manifests.readAll();
		return Stream.concat(
				Manifests.ofKind(objects, CronJob.class).stream().map((cronJob) -> cronJob.getSpec().getJobTemplate().getSpec()),
				Manifests.ofKind(objects, Job.class).stream().map(Job::getSpec))
			.map((job) -> job.getTemplate().getSpec())
			.toList();
	}

}
