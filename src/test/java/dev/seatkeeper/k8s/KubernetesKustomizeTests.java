package dev.seatkeeper.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What {@code kubectl kustomize} makes of k8s/: the objects an operator actually applies. */
class KubernetesKustomizeTests {

	private static final String IMAGE = "registry.example.com/seatkeeper:0.1.0";

	@BeforeAll
	static void kubectlIsAvailable() {
		Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not on the PATH, so kustomize's output was not checked");
	}

	@Test
	void theExampleOverlayRendersHardenedNightlyJobsInItsNamespace() throws Exception {
		List<HasMetadata> objects = render("k8s/overlays/example");
		for (HasMetadata object : objects) {
			assertThat(Manifests.unknownFields(object)).isEmpty();
			if (!(object instanceof Namespace)) {
				assertThat(object.getMetadata().getNamespace()).as(object.getMetadata().getName()).isEqualTo("seatkeeper");
			}
		}
		assertThat(Manifests.ofKind(objects, Secret.class)).as("secrets are applied separately").isEmpty();
		assertThat(Manifests.ofKind(objects, Job.class)).as("the migration is applied separately, first").isEmpty();
		List<NetworkPolicy> policies = Manifests.ofKind(objects, NetworkPolicy.class);
		assertThat(policies).extracting((policy) -> policy.getMetadata().getName())
			.containsExactlyInAnyOrder("seatkeeper", "seatkeeper-database", "seatkeeper-smtp");
		NetworkPolicy database = policies.stream().filter((policy) -> policy.getMetadata().getName().equals("seatkeeper-database"))
			.findFirst().orElseThrow();
		assertThat(database.getSpec().getEgress()).as("the overlay's database address replaces the base's, not added to it")
			.singleElement()
			.satisfies((rule) -> assertThat(rule.getTo()).singleElement()
				.satisfies((peer) -> assertThat(peer.getIpBlock().getCidr()).isEqualTo("10.20.0.0/24")));

		List<CronJob> cronJobs = Manifests.ofKind(objects, CronJob.class);
		assertThat(cronJobs.stream().map(ManifestsProfiles::profileOf)).as("one CronJob per published profile, none for drafts")
			.containsExactlyInAnyOrderElementsOf(ManifestsProfiles.statusByName().entrySet().stream()
				.filter((entry) -> entry.getValue().equals("published")).map(Map.Entry::getKey).toList());
		ConfigMap profiles = Manifests.ofKind(objects, ConfigMap.class).get(0);
		for (CronJob cronJob : cronJobs) {
			ManifestChecks.assertNightly(cronJob);
			PodSpec pod = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
			assertThat(image(pod)).isEqualTo(IMAGE);
			assertThat(pod.getVolumes().stream().filter((volume) -> volume.getConfigMap() != null).map(Volume::getConfigMap))
				.as("the generated (hashed) ConfigMap name is referenced")
				.singleElement()
				.satisfies((source) -> assertThat(source.getName()).isEqualTo(profiles.getMetadata().getName()));
			// Notices: every CronJob has the SMTP settings, and a NetworkPolicy lets its pods reach the relay.
			String name = cronJob.getMetadata().getName();
			int relay = ManifestChecks.assertSendsNotices(Manifests.container(pod.getContainers(), ManifestChecks.CONTAINER), name);
			Map<String, String> podLabels = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getMetadata().getLabels();
			assertThat(ManifestChecks.allowsEgress(policies, podLabels, "TCP/" + relay)).as(name + " reaches the SMTP relay").isTrue();
			assertThat(ManifestChecks.allowsEgress(policies, podLabels, "TCP/3306")).as(name + " reaches the database").isTrue();
			ManifestChecks.assertReadsOnlyItsOwnSecrets(pod, ManifestsProfiles.profileOf(cronJob), name);
		}
	}

	@Test
	void theProfilesConfigMapHoldsEveryProfileFileVerbatim() throws Exception {
		ConfigMap profiles = Manifests.ofKind(render("k8s/overlays/example"), ConfigMap.class).get(0);
		assertThat(profiles.getMetadata().getName()).startsWith("seatkeeper-profiles-");
		assertThat(profiles.getData()).containsOnlyKeys(ManifestsProfiles.fileNames());
		for (String file : ManifestsProfiles.fileNames()) {
			assertThat(profiles.getData().get(file)).isEqualTo(Files.readString(Manifests.PROFILES.resolve(file)));
		}
	}

	@Test
	void theExampleMigrationOverlayRendersTheMigrationJobAlone() throws Exception {
		List<HasMetadata> objects = render("k8s/overlays/example/migration");
		assertThat(objects).singleElement().isInstanceOf(Job.class);
		Job migration = (Job) objects.get(0);
		ManifestChecks.assertMigration(migration);
		assertThat(migration.getMetadata().getNamespace()).isEqualTo("seatkeeper");
		assertThat(image(migration.getSpec().getTemplate().getSpec())).isEqualTo(IMAGE);
		Container container = Manifests.container(migration.getSpec().getTemplate().getSpec().getContainers(), ManifestChecks.CONTAINER);
		assertThat(Manifests.env(container)).as("the migration sends no mail").doesNotContainKey("SPRING_MAIL_HOST");
	}

	@Test
	void theBaseIsNamespaceAgnostic() throws Exception {
		for (HasMetadata object : render("k8s/base")) {
			assertThat(object.getMetadata().getNamespace()).as(object.getMetadata().getName()).isNull();
		}
	}

	private static String image(PodSpec pod) {
		Container container = Manifests.container(pod.getContainers(), ManifestChecks.CONTAINER);
		return container.getImage();
	}

	private static List<HasMetadata> render(String directory) throws IOException, InterruptedException {
		Process kubectl = new ProcessBuilder("kubectl", "kustomize", directory).redirectErrorStream(false).start();
		String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String errors = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(kubectl.exitValue()).as("kubectl kustomize " + directory + ": " + errors).isZero();
		return Manifests.parse(output);
	}

	static boolean onPath(String command) {
		String path = System.getenv("PATH");
		return path != null && List.of(path.split(File.pathSeparator))
			.stream()
			.anyMatch((directory) -> Files.isExecutable(Path.of(directory, command)));
	}

}
