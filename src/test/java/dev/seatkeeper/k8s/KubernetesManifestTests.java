package dev.seatkeeper.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The k8s/ files as written; {@link KubernetesKustomizeTests} checks what kustomize makes of them. */
class KubernetesManifestTests {

	/** The Pushgateway's port; the Pushgateway runs in the cluster. */
	private static final String PUSHGATEWAY_PORT = "TCP/9091";

	@Test
	void everyManifestParsesAsKnownKubernetesObjectsWithoutUnknownFields() {
		assertThat(Manifests.files()).hasSizeGreaterThanOrEqualTo(6);
		for (Path file : Manifests.files()) {
			List<HasMetadata> objects = Manifests.read(file);
			assertThat(objects).as(file.toString()).isNotEmpty();
			for (HasMetadata object : objects) {
				assertThat(object).as(file + ": apiVersion and kind").isNotInstanceOf(GenericKubernetesResource.class);
				assertThat(object.getMetadata().getName()).as(file.toString()).isNotBlank();
				assertThat(object.getMetadata().getNamespace()).as(file + ": namespaces come from the overlay").isNull();
				assertThat(Manifests.unknownFields(object)).as(file.toString()).isEmpty();
			}
		}
	}

	@Test
	void everyPatchIsAppliedByTheKustomizationBesideItAndKnowsItsFields() {
		for (Path patch : Manifests.patches()) {
			JsonNode kustomization = Manifests.tree(patch.resolveSibling("kustomization.yaml"));
			List<String> applied = new ArrayList<>();
			kustomization.path("patches").forEach((entry) -> applied.add(entry.path("path").asString()));
			assertThat(applied).as(patch + " is applied").contains(patch.getFileName().toString());
			for (HasMetadata object : Manifests.read(patch)) {
				assertThat(object).as(patch + ": apiVersion and kind").isNotInstanceOf(GenericKubernetesResource.class);
				assertThat(Manifests.unknownFields(object)).as(patch.toString()).isEmpty();
			}
		}
	}

	@Test
	void everyCronJobRunsOneProfileWithTheNightlyProperties() {
		List<CronJob> cronJobs = Manifests.ofKind(Manifests.readAll(), CronJob.class);
		assertThat(cronJobs).isNotEmpty();
		cronJobs.forEach(ManifestChecks::assertNightly);
	}

	@Test
	void everyPublishedProfileHasACronJobAndDraftsAreSuspended() throws IOException {
		Map<String, Boolean> suspendedByProfile = new HashMap<>();
		for (CronJob cronJob : Manifests.ofKind(Manifests.readAll(), CronJob.class)) {
			String profile = ManifestsProfiles.profileOf(cronJob);
			assertThat(suspendedByProfile.put(profile, Boolean.TRUE.equals(cronJob.getSpec().getSuspend())))
				.as("one CronJob per profile: " + profile).isNull();
		}
		Map<String, String> statusByProfile = ManifestsProfiles.statusByName();
		assertThat(statusByProfile).containsKeys(suspendedByProfile.keySet().toArray(String[]::new));
		statusByProfile.forEach((profile, status) -> {
			if (status.equals("published")) {
				assertThat(suspendedByProfile).as("published profile " + profile).containsEntry(profile, false);
			}
			else if (suspendedByProfile.containsKey(profile)) {
				assertThat(suspendedByProfile).as("draft profile " + profile).containsEntry(profile, true);
			}
		});
	}

	@Test
	void theMigrationJobRunsMigrateOnceWithFlywayOn() {
		List<Job> jobs = Manifests.ofKind(Manifests.readAll(), Job.class);
		assertThat(jobs).singleElement().satisfies(ManifestChecks::assertMigration);
	}

	@Test
	void theNetworkPoliciesAllowOnlyClusterDnsHttpsTheDatabaseAndTheInClusterPushgatewayAndSelectEveryPod() {
		List<HasMetadata> objects = Manifests.readAll();
		// The base's policies; an overlay may add others (k8s/overlays/example/network-policy-smtp.yaml).
		NetworkPolicy policy = Manifests.ofKind(Manifests.read(Manifests.K8S.resolve("base/network-policy.yaml")), NetworkPolicy.class)
			.get(0);
		NetworkPolicy database = Manifests.ofKind(Manifests.read(Manifests.K8S.resolve("base/network-policy-database.yaml")),
				NetworkPolicy.class).get(0);
		assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
		assertThat(policy.getSpec().getIngress()).isEmpty();
		assertThat(database.getSpec().getPolicyTypes()).containsExactly("Egress");
		List<String> ports = new ArrayList<>();
		Stream.concat(policy.getSpec().getEgress().stream(), database.getSpec().getEgress().stream()).forEach((rule) -> {
			for (NetworkPolicyPort port : rule.getPorts()) {
				String protocolAndPort = port.getProtocol() + "/" + port.getPort().getIntVal();
				ports.add(protocolAndPort);
				switch (protocolAndPort) {
					case PUSHGATEWAY_PORT -> assertThat(rule.getTo()).as("the Pushgateway is reached inside the cluster only")
						.singleElement()
						.satisfies((peer) -> {
							assertThat(peer.getNamespaceSelector()).isNotNull();
							assertThat(peer.getIpBlock()).isNull();
						});
					case "UDP/53", "TCP/53" -> assertThat(rule.getTo()).as("DNS: the cluster's DNS pods only").singleElement()
						.satisfies((peer) -> {
							assertThat(peer.getNamespaceSelector().getMatchLabels())
								.containsExactly(Map.entry("kubernetes.io/metadata.name", "kube-system"));
							assertThat(peer.getPodSelector().getMatchLabels()).containsExactly(Map.entry("k8s-app", "kube-dns"));
						});
					case "TCP/3306" -> assertThat(rule.getTo()).as("the database: a destination, which an overlay replaces")
						.singleElement()
						.satisfies((peer) -> assertThat(peer.getPodSelector().getMatchLabels()).isNotEmpty());
					case "TCP/443" -> assertThat(rule.getTo()).as("Salesforce's addresses change: the port is what is limited").isEmpty();
					default -> throw new AssertionError("unexpected egress " + protocolAndPort);
				}
			}
		});
		assertThat(ports).containsExactlyInAnyOrder("UDP/53", "TCP/53", "TCP/443", "TCP/3306", PUSHGATEWAY_PORT);
		Manifests.ofKind(objects, CronJob.class).forEach((cronJob) -> {
			Map<String, String> env = Manifests.env(Manifests.container(
					cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers(), ManifestChecks.CONTAINER));
			String pushgateway = env.get("SEATKEEPER_METRICS_PUSHGATEWAY_URL");
			if (pushgateway != null) {
				assertThat(URI.create(pushgateway).getPort()).as(cronJob.getMetadata().getName()).isEqualTo(9091);
			}
		});

		for (NetworkPolicy selecting : List.of(policy, database)) {
			Map<String, String> selector = selecting.getSpec().getPodSelector().getMatchLabels();
			assertThat(selector).isNotEmpty();
			Stream.concat(
					Manifests.ofKind(objects, CronJob.class).stream().map((cronJob) -> cronJob.getSpec().getJobTemplate().getSpec()),
					Manifests.ofKind(objects, Job.class).stream().map(Job::getSpec))
				.forEach((job) -> assertThat(job.getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector));
		}
	}

	@Test
	void theProfilesConfigMapIsGeneratedFromEveryFileInJobsProfiles() throws IOException {
		JsonNode kustomization = Manifests.tree(Path.of("jobs", "kustomization.yaml"));
		JsonNode generator = kustomization.path("configMapGenerator").get(0);
		assertThat(generator.path("name").asString()).isEqualTo("seatkeeper-profiles");
		Set<String> listed = new HashSet<>();
		generator.path("files").forEach((file) -> listed.add(file.asString()));
		assertThat(listed).isEqualTo(ManifestsProfiles.fileNames().stream().map((name) -> "profiles/" + name).collect(Collectors.toSet()));
		assertThat(Manifests.tree(Manifests.K8S.resolve("base/kustomization.yaml")).path("resources").toString()).contains("../../jobs");
	}

	@Test
	void theExampleSecretsHoldOnlyPlaceholdersAndCoverEveryReferenceInTheProfiles() throws IOException {
		Path example = Manifests.K8S.resolve("overlays/example/secrets.example.yaml");
		Map<String, String> values = new HashMap<>();
		for (Secret secret : Manifests.ofKind(Manifests.read(example), Secret.class)) {
			assertThat(secret.getData()).as("data is base64, which hides what it holds: use stringData").isEmpty();
			values.putAll(secret.getStringData());
		}
		values.forEach((key, value) -> {
			if (key.matches(".*(PASSWORD|SECRET|KEY|CLIENT_ID|USERNAME).*")) {
				assertThat(value).as(key).isEqualTo("REPLACE_ME");
			}
			else {
				assertThat(value).as(key).contains("REPLACE_ME");
			}
		});
		assertThat(values).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
				"SEATKEEPER_TOKEN_ENCRYPTION_KEY");
		assertThat(values).containsKeys(ManifestsProfiles.environmentReferences().toArray(String[]::new));

		// Real secrets never pass through kustomize, so `kubectl apply -k` cannot overwrite them with placeholders.
		for (Path file : Manifests.files()) {
			if (!file.equals(example)) {
				assertThat(Manifests.ofKind(Manifests.read(file), Secret.class)).as(file.toString()).isEmpty();
			}
		}
		assertThat(Files.readString(Manifests.K8S.resolve("overlays/example/kustomization.yaml"))).doesNotContain("secrets.example");
	}

}
