package dev.seatkeeper.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.seatkeeper.job.ExitCode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
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
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/** The properties every Seatkeeper Job and CronJob must have, checked on the files and on kustomize's output. */
final class ManifestChecks {

	static final String CONTAINER = "seatkeeper";

	/** The app's default graceful stop ({@code seatkeeper.job.stop-grace}). */
	static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(25);

	/** The Secret with the app's credentials (k8s/overlays/example/secrets.example.yaml), the SMTP password too. */
	static final String CREDENTIALS_SECRET = "seatkeeper-credentials";

	/** Variables that hold secrets by their name: they come from a Secret, never from a manifest's text. */
	private static final Pattern SECRET_VARIABLE = Pattern.compile(".*(PASSWORD|SECRET|_KEY).*");

	/** Jakarta Mail's timeouts, which are infinite unless set. */
	private static final List<String> MAIL_TIMEOUTS = List.of("CONNECTIONTIMEOUT", "TIMEOUT", "WRITETIMEOUT");

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
		// The migration Job owns the schema: a nightly pod validates it (read-only) and never migrates.
		assertThat(env).as(name).containsEntry("SEATKEEPER_DATABASE_SCHEMA_ON_START", "validate");
		assertThat(env.get("SPRING_FLYWAY_ENABLED")).as(name + ": Flyway on, to validate").isIn(null, "true");
		assertThat(env.get("SPRING_PROFILES_ACTIVE")).as(name + ": structured JSON logs").contains("json-logs");
		assertThat(mountPathOf(pod, container, (volume) -> volume.getConfigMap() != null))
			.as(name + ": profiles from the ConfigMap").isEqualTo(env.get("SEATKEEPER_PROFILES_DIR"));
		assertThat(pod.getTerminationGracePeriodSeconds()).as(name)
			.isGreaterThan(stopGrace(env).toSeconds());
		assertSecretsComeFromSecrets(container, name);
		assertReadsOnlyItsOwnSecrets(pod, args.get(2), name);
	}

	/** The Secret every nightly pod reads whole: the runtime database user's URL, name and password. */
	static final String DATABASE_SECRET = "seatkeeper-database";

	/** Keys of {@link #CREDENTIALS_SECRET} a nightly pod may read, each by name. */
	static final Set<String> SHARED_CREDENTIALS = Set.of("SEATKEEPER_TOKEN_ENCRYPTION_KEY", "SPRING_MAIL_PASSWORD");

	/**
	 * A nightly pod reads the shared database Secret, named keys of the shared credentials and its own profile's
	 * Secret, nothing else: no other profile's Secret by any route (envFrom, env, volumes), and no API access through
	 * a service account token with which it could read one.
	 */
	static void assertReadsOnlyItsOwnSecrets(PodSpec pod, String profile, String name) {
		Map<String, Set<String>> read = secretsReadBy(pod);
		String own = "seatkeeper-profile-" + profile;
		read.forEach((secret, keys) -> {
			if (secret.equals(CREDENTIALS_SECRET)) {
				assertThat(keys).as(name + " reads these keys of " + secret + " by name").isSubsetOf(SHARED_CREDENTIALS);
			}
			else {
				assertThat(secret).as(name + " reads a Secret that is neither shared nor its profile's").isIn(DATABASE_SECRET, own);
			}
		});
		assertThat(pod.getAutomountServiceAccountToken()).as(name + ": no API token, so no Secret read through the API").isFalse();
		assertThat(pod.getServiceAccountName()).as(name + ": the namespace's default service account, which has no role").isIn(null, "default");
	}

	/** Secret name to the keys a pod reads from it; "*" for the whole Secret (envFrom, a volume). */
	static Map<String, Set<String>> secretsReadBy(PodSpec pod) {
		Map<String, Set<String>> read = new TreeMap<>();
		for (Container container : Stream.concat(pod.getContainers().stream(),
				(pod.getInitContainers() != null) ? pod.getInitContainers().stream() : Stream.empty()).toList()) {
			for (EnvFromSource source : container.getEnvFrom()) {
				if (source.getSecretRef() != null) {
					read.computeIfAbsent(source.getSecretRef().getName(), (key) -> new TreeSet<>()).add("*");
				}
			}
			for (EnvVar variable : container.getEnv()) {
				if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
					SecretKeySelector selector = variable.getValueFrom().getSecretKeyRef();
					read.computeIfAbsent(selector.getName(), (key) -> new TreeSet<>()).add(selector.getKey());
				}
			}
		}
		for (Volume volume : pod.getVolumes()) {
			if (volume.getSecret() != null) {
				read.computeIfAbsent(volume.getSecret().getSecretName(), (key) -> new TreeSet<>()).add("*");
			}
			if (volume.getProjected() != null) {
				volume.getProjected().getSources().forEach((source) -> {
					if (source.getSecret() != null) {
						read.computeIfAbsent(source.getSecret().getName(), (key) -> new TreeSet<>()).add("*");
					}
					assertThat(source.getServiceAccountToken()).as(volume.getName() + ": a projected API token").isNull();
				});
			}
		}
		return read;
	}

	private static void assertSecretsComeFromSecrets(Container container, String name) {
		for (EnvVar variable : container.getEnv()) {
			if (SECRET_VARIABLE.matcher(variable.getName()).matches()) {
				assertThat(variable.getValue()).as(name + ": " + variable.getName() + " written in the manifest").isNull();
				assertThat(variable.getValueFrom()).as(name + ": " + variable.getName() + " from a Secret").isNotNull();
				assertThat(variable.getValueFrom().getSecretKeyRef()).as(name + ": " + variable.getName() + " from a Secret").isNotNull();
			}
		}
	}

	/**
	 * A container set up to e-mail reclamation notices: relay, port, login and sender as values, the password from
	 * the credentials Secret, TLS on the ports that need it to be asked for, and bounded waits.
	 * @return the relay's port, which the NetworkPolicies must open
	 */
	static int assertSendsNotices(Container container, String name) {
		Map<String, String> env = Manifests.env(container);
		for (String setting : List.of("SPRING_MAIL_HOST", "SPRING_MAIL_PORT", "SPRING_MAIL_USERNAME", "SEATKEEPER_RECLAMATION_MAIL_FROM")) {
			assertThat(env.get(setting)).as(name + ": " + setting).isNotBlank();
		}
		assertThat(env.get("SEATKEEPER_RECLAMATION_MAIL_FROM")).as(name + ": an address").contains("@");

		EnvVar password = container.getEnv()
			.stream()
			.filter((variable) -> variable.getName().equals("SPRING_MAIL_PASSWORD"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + ": no SPRING_MAIL_PASSWORD"));
		assertThat(password.getValue()).as(name + ": the SMTP password written in the manifest").isNull();
		SecretKeySelector secret = password.getValueFrom().getSecretKeyRef();
		assertThat(secret.getName()).as(name).isEqualTo(CREDENTIALS_SECRET);
		assertThat(secret.getKey()).as(name).isEqualTo("SPRING_MAIL_PASSWORD");
		// A missing required key holds the pod in CreateContainerConfigError until the night's deadline; without
		// the password only the notices fail.
		assertThat(secret.getOptional()).as(name + ": a missing SMTP password stops no night").isTrue();

		int port = Integer.parseInt(env.get("SPRING_MAIL_PORT"));
		if (port == 587) {
			// Submission starts in plain text; Spring Boot does not ask for STARTTLS, and "required" refuses to log
			// in without it rather than send the password in clear.
			assertThat(env).as(name + ": STARTTLS before the login on 587")
				.containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE", "true")
				.containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED", "true");
		}
		else if (port == 465) {
			assertThat(env).as(name + ": TLS from the start on 465").containsEntry("SPRING_MAIL_SSL_ENABLED", "true");
		}
		for (String timeout : MAIL_TIMEOUTS) {
			String variable = "SPRING_MAIL_PROPERTIES_MAIL_SMTP_" + timeout;
			assertThat(env.get(variable)).as(name + ": " + variable + " (milliseconds; unset, a silent relay is waited for forever)")
				.isNotNull()
				.satisfies((millis) -> assertThat(Long.parseLong(millis)).isPositive());
		}
		return port;
	}

	/** Whether a pod selector picks pods with these labels. */
	static boolean selects(LabelSelector selector, Map<String, String> labels) {
		if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
			return false;
		}
		List<LabelSelectorRequirement> expressions = (selector.getMatchExpressions() != null) ? selector.getMatchExpressions() : List.of();
		for (LabelSelectorRequirement requirement : expressions) {
			String value = labels.get(requirement.getKey());
			boolean matches = switch (requirement.getOperator()) {
				case "In" -> value != null && requirement.getValues().contains(value);
				case "NotIn" -> value == null || !requirement.getValues().contains(value);
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				default -> throw new AssertionError("unknown operator " + requirement.getOperator());
			};
			if (!matches) {
				return false;
			}
		}
		return true;
	}

	/** Whether any of the policies lets pods with these labels connect to a port, as in "TCP/587". */
	static boolean allowsEgress(List<NetworkPolicy> policies, Map<String, String> labels, String protocolAndPort) {
		return policies.stream()
			.filter((policy) -> policy.getSpec().getPolicyTypes().contains("Egress"))
			.filter((policy) -> selects(policy.getSpec().getPodSelector(), labels))
			.flatMap((policy) -> policy.getSpec().getEgress().stream())
			.anyMatch((rule) -> rule.getPorts().isEmpty()
					|| rule.getPorts().stream().map(ManifestChecks::protocolAndPort).anyMatch(protocolAndPort::equals));
	}

	static String protocolAndPort(NetworkPolicyPort port) {
		return ((port.getProtocol() != null) ? port.getProtocol() : "TCP") + "/" + port.getPort().getIntVal();
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
		assertThat(Manifests.env(container)).as(name).doesNotContainEntry("SPRING_FLYWAY_ENABLED", "false")
			.doesNotContainEntry("SEATKEEPER_DATABASE_SCHEMA_ON_START", "validate");
		// The migration user (DDL rights) is its own Secret; the nightly pods' user may only read and write rows.
		assertThat(secretsReadBy(pod)).as(name).containsOnlyKeys(MIGRATION_DATABASE_SECRET);
	}

	/** The migration Job's database user, the one with DDL rights. */
	static final String MIGRATION_DATABASE_SECRET = "seatkeeper-database-migration";

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
