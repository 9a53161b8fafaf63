package dev.seatkeeper.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import dev.seatkeeper.cli.ExitCode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicy;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyOnExitCodesRequirement;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;

/** The properties every Seatkeeper Job and CronJob must have, checked on the files and on kustomize's output. */
final class ManifestChecks {

	static final String CONTAINER = "seatkeeper";

	/** The app's default graceful stop ({@code seatkeeper.job.stop-grace}). */
	static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(25);

	private ManifestChecks() {
	}

	static void assertNightly(CronJob cronJob) {
		String name = cronJob.getMetadata().getName();
		CronJobSpec spec = cronJob.getSpec();
		assertThat(spec.getConcurrencyPolicy()).as(name).isEqualTo("Forbid");
		assertThat(spec.getStartingDeadlineSeconds()).as(name).isNotNull().isPositive();
		assertThat(spec.getSchedule()).as(name).isNotBlank();
		assertThat(ZoneId.of(spec.getTimeZone())).as(name).isNotNull();
		JobSpec job = spec.getJobTemplate().getSpec();
		assertRetriesAreBounded(job, name);
		for (ExitCode code : List.of(ExitCode.INVALID_CONFIGURATION, ExitCode.STOPPED, ExitCode.ALREADY_COMPLETE,
				ExitCode.ALREADY_RUNNING, ExitCode.USAGE)) {
			assertThat(action(job.getPodFailurePolicy(), code.code(), false)).as(name + " on exit " + code).isEqualTo("FailJob");
		}
		assertThat(action(job.getPodFailurePolicy(), ExitCode.FAILED.code(), false)).as(name + " on exit 1").isEqualTo("Count");
		assertThat(action(job.getPodFailurePolicy(), 137, false)).as(name + " when OOM-killed").isEqualTo("Count");
		assertThat(action(job.getPodFailurePolicy(), ExitCode.STOPPED.code(), true)).as(name + " when evicted").isEqualTo("Ignore");

		PodSpec pod = job.getTemplate().getSpec();
		assertHardened(pod, name);
		Container container = Manifests.container(pod.getContainers(), CONTAINER);
		List<String> args = container.getArgs();
		assertThat(args).as(name).hasSize(3).startsWith("run", "--profile");
		assertThat(name).isEqualTo("seatkeeper-" + args.get(2));
		Map<String, String> env = Manifests.env(container);
		assertThat(env).as(name).containsEntry("SPRING_FLYWAY_ENABLED", "false");
		assertThat(env.get("SPRING_PROFILES_ACTIVE")).as(name + ": structured JSON logs").contains("json-logs");
		assertThat(mountPathOf(pod, container, (volume) -> volume.getConfigMap() != null))
			.as(name + ": profiles from the ConfigMap").isEqualTo(env.get("SEATKEEPER_PROFILES_DIR"));
		assertThat(pod.getTerminationGracePeriodSeconds()).as(name)
			.isGreaterThan(stopGrace(env).toSeconds());
	}

	static void assertMigration(Job migration) {
		String name = migration.getMetadata().getName();
		JobSpec job = migration.getSpec();
		assertRetriesAreBounded(job, name);
		assertThat(job.getParallelism()).as(name).isIn(null, 1);
		assertThat(action(job.getPodFailurePolicy(), ExitCode.INVALID_CONFIGURATION.code(), false)).as(name).isEqualTo("FailJob");
		assertThat(action(job.getPodFailurePolicy(), ExitCode.FAILED.code(), false)).as(name).isEqualTo("Count");
		PodSpec pod = job.getTemplate().getSpec();
		assertHardened(pod, name);
		Container container = Manifests.container(pod.getContainers(), CONTAINER);
		assertThat(container.getArgs()).as(name).containsExactly("migrate");
		assertThat(Manifests.env(container)).as(name).doesNotContainEntry("SPRING_FLYWAY_ENABLED", "false");
	}

	private static void assertRetriesAreBounded(JobSpec job, String name) {
		assertThat(job.getBackoffLimit()).as(name + " backoffLimit").isBetween(1, 3);
		assertThat(job.getActiveDeadlineSeconds()).as(name + " activeDeadlineSeconds").isNotNull().isPositive();
		assertThat(job.getPodFailurePolicy()).as(name + " podFailurePolicy").isNotNull();
		for (PodFailurePolicyRule rule : job.getPodFailurePolicy().getRules()) {
			if (rule.getOnExitCodes() != null) {
				assertThat(rule.getOnExitCodes().getContainerName()).as(name).isEqualTo(CONTAINER);
			}
		}
	}

	/** What Kubernetes does with a failed pod: the action of the first matching rule, else Count. */
	static String action(PodFailurePolicy policy, int exitCode, boolean disrupted) {
		for (PodFailurePolicyRule rule : policy.getRules()) {
			PodFailurePolicyOnExitCodesRequirement codes = rule.getOnExitCodes();
			if (codes != null && exitCode != 0 && codes.getValues().contains(exitCode) == codes.getOperator().equals("In")) {
				return rule.getAction();
			}
			if (disrupted && rule.getOnPodConditions().stream().anyMatch((pattern) -> pattern.getType().equals("DisruptionTarget"))) {
				return rule.getAction();
			}
		}
		return "Count";
	}

	static void assertHardened(PodSpec pod, String name) {
		// podFailurePolicy is only allowed with restartPolicy Never; a retry is then a new pod.
		assertThat(pod.getRestartPolicy()).as(name).isEqualTo("Never");
		assertThat(pod.getAutomountServiceAccountToken()).as(name + " automountServiceAccountToken").isFalse();
		PodSecurityContext podSecurity = pod.getSecurityContext();
		assertThat(podSecurity.getRunAsNonRoot()).as(name).isTrue();
		assertThat(podSecurity.getRunAsUser()).as(name).isNotNull().isNotZero();
		assertThat(podSecurity.getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");

		Container container = Manifests.container(pod.getContainers(), CONTAINER);
		SecurityContext security = container.getSecurityContext();
		assertThat(security.getRunAsNonRoot()).as(name).isTrue();
		assertThat(security.getReadOnlyRootFilesystem()).as(name + " readOnlyRootFilesystem").isTrue();
		assertThat(security.getAllowPrivilegeEscalation()).as(name + " allowPrivilegeEscalation").isFalse();
		assertThat(security.getCapabilities().getDrop()).as(name).containsExactly("ALL");
		assertThat(security.getCapabilities().getAdd()).as(name).isEmpty();
		assertThat(security.getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");

		Map<String, Quantity> requests = container.getResources().getRequests();
		Map<String, Quantity> limits = container.getResources().getLimits();
		assertThat(requests).as(name).containsKeys("cpu", "memory");
		assertThat(Quantity.getAmountInBytes(limits.get("memory")))
			.as(name + " memory limit").isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")));

		// The root filesystem is read-only: temp files and SEATKEEPER_HOME must be on writable emptyDirs.
		assertThat(writableEmptyDirPaths(pod, container)).as(name)
			.contains("/tmp")
			.contains(Manifests.env(container).get("SEATKEEPER_HOME"));
		for (VolumeMount mount : container.getVolumeMounts()) {
			Volume volume = volume(pod, mount.getName());
			assertThat(volume.getEmptyDir() != null || Boolean.TRUE.equals(mount.getReadOnly()))
				.as(name + ": " + mount.getMountPath() + " is an emptyDir or mounted read-only").isTrue();
		}
	}

	private static List<String> writableEmptyDirPaths(PodSpec pod, Container container) {
		return container.getVolumeMounts()
			.stream()
			.filter((mount) -> volume(pod, mount.getName()).getEmptyDir() != null && !Boolean.TRUE.equals(mount.getReadOnly()))
			.map(VolumeMount::getMountPath)
			.toList();
	}

	private static String mountPathOf(PodSpec pod, Container container, Predicate<Volume> kind) {
		return container.getVolumeMounts()
			.stream()
			.filter((mount) -> kind.test(volume(pod, mount.getName())))
			.map(VolumeMount::getMountPath)
			.findFirst()
			.orElse(null);
	}

	private static Volume volume(PodSpec pod, String name) {
		return pod.getVolumes()
			.stream()
			.filter((volume) -> volume.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no volume " + name));
	}

	private static Duration stopGrace(Map<String, String> env) {
		String value = env.get("SEATKEEPER_JOB_STOP_GRACE");
		return (value == null) ? DEFAULT_STOP_GRACE : Duration.parse("PT" + value.toUpperCase(Locale.ROOT));
	}

}
