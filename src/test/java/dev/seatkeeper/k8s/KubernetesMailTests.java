package dev.seatkeeper.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.reclamation.notice.NoticeProperties;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.JsonNode;

/**
 * Reclamation notices from the example overlay, read without kustomize: the patch that gives every CronJob the SMTP
 * settings, what Spring Boot makes of those variables, and the NetworkPolicy that lets them reach the relay.
 * {@link KubernetesKustomizeTests} checks the same on the rendered CronJobs.
 */
class KubernetesMailTests {

	private static final Path EXAMPLE = Manifests.K8S.resolve("overlays/example");

	private static final Path MAIL_PATCH = EXAMPLE.resolve("mail.patch.yaml");

	@Test
	void theExampleOverlayPatchesEveryCronJobWithTheMailSettingsAndThePasswordFromTheCredentialsSecret() {
		JsonNode kustomization = Manifests.tree(EXAMPLE.resolve("kustomization.yaml"));
		JsonNode entry = null;
		for (JsonNode patch : kustomization.path("patches")) {
			if (patch.path("path").asString().equals(MAIL_PATCH.getFileName().toString())) {
				entry = patch;
			}
		}
		assertThat(entry).as("the example kustomization applies " + MAIL_PATCH).isNotNull();
		// By kind alone: every CronJob, the base's and any profile's added later, and the Jobs relaunch.sh makes of them.
		assertThat(entry.path("target").properties()).singleElement()
			.satisfies((selector) -> assertThat(selector.getKey()).isEqualTo("kind"));
		assertThat(entry.path("target").path("kind").asString()).isEqualTo("CronJob");

		CronJob patch = mailPatch();
		assertThat(Manifests.unknownFields(patch)).isEmpty();
		ManifestChecks.assertSendsNotices(mailContainer(patch), MAIL_PATCH.toString());
	}

	@Test
	void springBootMakesTheMailVariablesIntoAMailSenderThatAsksForTlsAndWaitsBoundedTimes() {
		Map<String, Object> environment = new HashMap<>();
		for (EnvVar variable : mailContainer(mailPatch()).getEnv()) {
			environment.put(variable.getName(),
					(variable.getValue() != null) ? variable.getValue() : exampleSecret(variable.getValueFrom().getSecretKeyRef()));
		}
		new ApplicationContextRunner()
			// Named like the process environment, so Spring Boot maps the names as it does in the pod.
			.withInitializer((context) -> context.getEnvironment().getPropertySources().addFirst(
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
			.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
			.withUserConfiguration(NoticeSettings.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JavaMailSenderImpl sender = context.getBean(JavaMailSenderImpl.class);
				assertThat(sender.getHost()).isEqualTo(environment.get("SPRING_MAIL_HOST"));
				assertThat(sender.getPort()).isEqualTo(Integer.parseInt((String) environment.get("SPRING_MAIL_PORT")));
				assertThat(sender.getUsername()).isEqualTo(environment.get("SPRING_MAIL_USERNAME"));
				assertThat(sender.getPassword()).isEqualTo("REPLACE_ME");
				assertThat(sender.getJavaMailProperties())
					.containsEntry("mail.smtp.starttls.enable", "true")
					.containsEntry("mail.smtp.starttls.required", "true")
					.containsKeys("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout");
				assertThat(context.getBean(NoticeProperties.class).from())
					.isEqualTo(environment.get("SEATKEEPER_RECLAMATION_MAIL_FROM"));
			});
	}

	@Test
	void theSmtpPolicyOpensTheRelaysPortToTheNightlyPodsOnlyAndTheBaseOpensNoSmtpPort() {
		List<HasMetadata> objects = Manifests.readAll();
		List<NetworkPolicy> policies = Manifests.ofKind(objects, NetworkPolicy.class);
		NetworkPolicy smtp = policies.stream()
			.filter((policy) -> policy.getMetadata().getName().equals("seatkeeper-smtp"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no NetworkPolicy seatkeeper-smtp"));
		assertThat(Manifests.read(EXAMPLE.resolve("network-policy-smtp.yaml"))).containsExactly(smtp);
		List<String> resources = new ArrayList<>();
		Manifests.tree(EXAMPLE.resolve("kustomization.yaml")).path("resources").forEach((resource) -> resources.add(resource.asString()));
		assertThat(resources).as("the example overlay applies it").contains("network-policy-smtp.yaml");
		String relay = "TCP/" + Manifests.env(mailContainer(mailPatch())).get("SPRING_MAIL_PORT");
		// Egress only: policies add up, and the base policy already admits no ingress.
		assertThat(smtp.getSpec().getPolicyTypes()).containsExactly("Egress");
		assertThat(smtp.getSpec().getEgress()).singleElement()
			.satisfies((rule) -> assertThat(rule.getPorts()).extracting(ManifestChecks::protocolAndPort).containsExactly(relay));

		NetworkPolicy base = Manifests.ofKind(Manifests.read(Manifests.K8S.resolve("base/network-policy.yaml")), NetworkPolicy.class).get(0);
		for (CronJob cronJob : Manifests.ofKind(objects, CronJob.class)) {
			Map<String, String> pod = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getMetadata().getLabels();
			assertThat(ManifestChecks.allowsEgress(policies, pod, relay)).as(cronJob.getMetadata().getName()).isTrue();
			for (String port : List.of("TCP/25", "TCP/465", "TCP/587")) {
				assertThat(ManifestChecks.allowsEgress(List.of(base), pod, port)).as("mail is optional: the base opens no " + port).isFalse();
			}
		}
		for (Job job : Manifests.ofKind(objects, Job.class)) {
			Map<String, String> pod = job.getSpec().getTemplate().getMetadata().getLabels();
			assertThat(ManifestChecks.allowsEgress(policies, pod, relay)).as(job.getMetadata().getName() + " sends no mail").isFalse();
		}
	}

	private static CronJob mailPatch() {
		return Manifests.ofKind(Manifests.read(MAIL_PATCH), CronJob.class).get(0);
	}

	private static Container mailContainer(CronJob cronJob) {
		return Manifests.container(cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers(),
				ManifestChecks.CONTAINER);
	}

	private static String exampleSecret(SecretKeySelector reference) {
		return Manifests.ofKind(Manifests.read(EXAMPLE.resolve("secrets.example.yaml")), Secret.class)
			.stream()
			.filter((secret) -> secret.getMetadata().getName().equals(reference.getName()))
			.map((secret) -> secret.getStringData().get(reference.getKey()))
			.filter((value) -> value != null)
			.findFirst()
			.orElseThrow(() -> new AssertionError("secrets.example.yaml has no " + reference.getName() + "/" + reference.getKey()));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(NoticeProperties.class)
	static class NoticeSettings {

	}

}
