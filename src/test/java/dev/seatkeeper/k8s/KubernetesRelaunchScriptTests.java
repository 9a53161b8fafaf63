package dev.seatkeeper.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * k8s/relaunch.sh against a stand-in kubectl that answers {@code create job --from ... --dry-run=client -o json}
 * with the Job kubectl renders from the real demo CronJob, and records what the script then creates.
 */
class KubernetesRelaunchScriptTests {

	private static final String FAKE_KUBECTL = """
			#!/usr/bin/env bash
			printf '%s\\n' "$*" >> "$FAKE_DIR/calls"
			case " $* " in
			  *" --dry-run=client "*) cat "$FAKE_DIR/rendered.json" ;;
			  *" create -f - "*) cat > "$FAKE_DIR/created.json" ;;
			esac
			""";

	@TempDir
	Path fake;

	CronJob demo;

	@BeforeEach
	void fakeKubectl() throws IOException {
		Assumptions.assumeTrue(KubernetesKustomizeTests.onPath("jq"), "jq is not on the PATH, so relaunch.sh was not run");
		Path kubectl = Files.writeString(this.fake.resolve("kubectl"), FAKE_KUBECTL);
		Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwxr-xr-x"));
		this.demo = Manifests.ofKind(Manifests.read(Manifests.K8S.resolve("overlays/example/nightly/cronjobs.yaml")), CronJob.class)
			.stream()
			.filter((cronJob) -> cronJob.getMetadata().getName().equals("seatkeeper-demo"))
			.findFirst()
			.orElseThrow();
		Job rendered = new JobBuilder().withNewMetadata()
			.withName("seatkeeper-demo-manual-2026-11-26")
			.addToAnnotations("cronjob.kubernetes.io/instantiate", "manual")
			.endMetadata()
			.withSpec(this.demo.getSpec().getJobTemplate().getSpec())
			.build();
		Files.writeString(this.fake.resolve("rendered.json"), JsonMapper.shared().writeValueAsString(rendered));
	}

	@Test
	void createsTheCronJobsJobWithTheProfileAndRunDateAsArguments() throws Exception {
		assertThat(relaunch(Map.of("NAMESPACE", "seatkeeper"), "demo", "2026-11-26")).isZero();

		assertThat(calls()).containsExactly(
				"--namespace seatkeeper create job seatkeeper-demo-manual-2026-11-26 --from=cronjob/seatkeeper-demo --dry-run=client -o json",
				"--namespace seatkeeper create -f -");
		Job created = Manifests.parse(Files.readString(this.fake.resolve("created.json"))).stream()
			.map(Job.class::cast)
			.findFirst()
			.orElseThrow();
		assertThat(created.getMetadata().getName()).isEqualTo("seatkeeper-demo-manual-2026-11-26");
		assertThat(created.getMetadata().getLabels()).containsEntry("seatkeeper.dev/run-date", "2026-11-26");
		JobSpec spec = created.getSpec();
		assertThat(Manifests.container(spec.getTemplate().getSpec().getContainers(), ManifestChecks.CONTAINER).getArgs())
			.containsExactly("run", "--profile", "demo", "--run-date", "2026-11-26");

		// Everything else is the CronJob's: failure policy, deadlines, security, volumes, secrets.
		Manifests.container(spec.getTemplate().getSpec().getContainers(), ManifestChecks.CONTAINER).setArgs(List.of("run", "--profile", "demo"));
		assertThat(spec).isEqualTo(this.demo.getSpec().getJobTemplate().getSpec());
	}

	@Test
	void dryRunPrintsTheJobAndCreatesNothing() throws Exception {
		assertThat(relaunch(Map.of("DRY_RUN", "1"), "demo", "2026-11-26")).isZero();
		assertThat(calls()).singleElement().asString().startsWith("create job seatkeeper-demo-manual-2026-11-26 ");
		assertThat(this.fake.resolve("created.json")).doesNotExist();
	}

	@Test
	void rejectsBadArgumentsWithTheUsageExitCodeBeforeCallingKubectl() throws Exception {
		assertThat(relaunch(Map.of())).isEqualTo(64);
		assertThat(relaunch(Map.of(), "demo", "26/11/2026")).isEqualTo(64);
		assertThat(relaunch(Map.of(), "demo; rm -rf /", "2026-11-26")).isEqualTo(64);
		assertThat(relaunch(Map.of(), "demo", "2026-11-26", "extra")).isEqualTo(64);
		assertThat(this.fake.resolve("calls")).doesNotExist();
	}

	private int relaunch(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("bash", "k8s/relaunch.sh"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("KUBECTL", this.fake.resolve("kubectl").toString());
		builder.environment().put("FAKE_DIR", this.fake.toString());
		builder.environment().remove("NAMESPACE");
		builder.environment().putAll(environment);
		Process process = builder.start();
		process.getInputStream().readAllBytes();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return process.exitValue();
	}

	private List<String> calls() throws IOException {
		return Files.readAllLines(this.fake.resolve("calls"), StandardCharsets.UTF_8);
	}

}
