package dev.seatkeeper.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.cli.KubernetesCommand;
import dev.seatkeeper.cli.RenderCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code seatkeeper k8s render}: the CronJobs it writes for many orgs, their schedules and Secrets, and that the
 * example overlay holds its current output.
 */
class KubernetesRenderTests {

	private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

	private static final String IMAGE = "registry.example.com/seatkeeper:0.1.0";

	/** The command the example overlay's kustomization.yaml documents. */
	private static final List<String> EXAMPLE_RENDER = List.of("render", "--profiles-dir", "jobs/profiles", "--image", IMAGE,
			"--schedule-window", "01:00-04:00");

	@TempDir
	Path work;

	@Test
	void twoHundredPublishedProfilesGetOneValidCronJobEachSpreadOverTheWindow() throws IOException {
		Path profiles = Files.createDirectories(this.work.resolve("profiles"));
		List<String> published = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			String name = profileName(i);
			published.add(name);
			writeProfile(profiles, name, "published", i % 2 == 0);
		}
		for (int i = 0; i < 15; i++) {
			writeProfile(profiles, "draft-" + i, "draft", true);
		}

		Render render = render(profiles, "01:00-04:00");

		assertThat(render.exit).as(render.err).isEqualTo(ExitCode.OK.code());
		List<CronJob> cronJobs = render.cronJobs();
		assertThat(cronJobs).extracting(ManifestsProfiles::profileOf).as("drafts are left out")
			.containsExactlyInAnyOrderElementsOf(published);
		Map<String, Integer> minuteByProfile = new HashMap<>();
		for (CronJob cronJob : cronJobs) {
			String profile = ManifestsProfiles.profileOf(cronJob);
			String name = cronJob.getMetadata().getName();
			assertThat(name).as("relaunch.sh finds it by this name").isEqualTo("seatkeeper-" + profile);
			assertThat(name).matches(DNS_1123_LABEL).hasSizeLessThanOrEqualTo(52);
			assertThat(Manifests.unknownFields(cronJob)).as(name).isEmpty();
			ManifestChecks.assertNightly(cronJob);
			for (Map<String, String> labels : List.of(cronJob.getMetadata().getLabels(),
					cronJob.getSpec().getJobTemplate().getMetadata().getLabels(),
					cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getMetadata().getLabels())) {
				assertThat(labels).as(name + ": the labels relaunch.sh, the NetworkPolicies and the metrics select on")
					.containsEntry("app.kubernetes.io/name", "seatkeeper")
					.containsEntry("app.kubernetes.io/component", "nightly")
					.containsEntry("seatkeeper.dev/profile", profile);
			}
			int minute = minuteOfDay(cronJob.getSpec().getSchedule());
			assertThat(minute).as(name + " starts in the window").isBetween(60, 239);
			minuteByProfile.put(profile, minute);
		}
		assertThat(cronJobs).extracting((cronJob) -> cronJob.getMetadata().getName()).doesNotHaveDuplicates();

		// Spread: 200 starts over 12 quarter-hours average 16.7 each; a hash never leaves one empty or crowds one.
		Map<Integer, Integer> perQuarterHour = new TreeMap<>();
		minuteByProfile.values().forEach((minute) -> perQuarterHour.merge((minute - 60) / 15, 1, Integer::sum));
		assertThat(perQuarterHour).hasSize(12);
		assertThat(perQuarterHour.values()).allSatisfy((count) -> assertThat(count).isBetween(5, 35));
		Map<Integer, Integer> perMinute = new TreeMap<>();
		minuteByProfile.values().forEach((minute) -> perMinute.merge(minute, 1, Integer::sum));
		assertThat(perMinute.size()).as("distinct start minutes").isGreaterThan(100);
		assertThat(perMinute.values()).allSatisfy((count) -> assertThat(count).as("orgs starting in one minute").isLessThanOrEqualTo(6));

		// Stable: another org, and a draft published, move no one else.
		writeProfile(profiles, "late-comer", "published", true);
		writeProfile(profiles, "draft-3", "published", false);
		Render again = render(profiles, "01:00-04:00");
		assertThat(again.exit).as(again.err).isEqualTo(ExitCode.OK.code());
		Map<String, Integer> minutesAgain = new HashMap<>();
		again.cronJobs().forEach((cronJob) -> minutesAgain.put(ManifestsProfiles.profileOf(cronJob), minuteOfDay(cronJob.getSpec().getSchedule())));
		assertThat(minutesAgain).hasSize(202).containsAllEntriesOf(minuteByProfile);
	}

	@Test
	void eachPodReadsOnlyItsOwnProfilesSecretAndTheListingNamesTheKeys() throws IOException {
		Path profiles = Files.createDirectories(this.work.resolve("profiles"));
		for (int i = 0; i < 200; i++) {
			writeProfile(profiles, profileName(i), "published", i % 3 != 0);
		}

		Render render = render(profiles, "01:00-04:00");

		assertThat(render.exit).as(render.err).isEqualTo(ExitCode.OK.code());
		Map<String, Set<String>> profilesReadingSecret = new TreeMap<>();
		for (CronJob cronJob : render.cronJobs()) {
			String profile = ManifestsProfiles.profileOf(cronJob);
			PodSpec pod = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
			ManifestChecks.assertReadsOnlyItsOwnSecrets(pod, profile, cronJob.getMetadata().getName());
			Map<String, Set<String>> read = ManifestChecks.secretsReadBy(pod);
			read.keySet().forEach((secret) -> profilesReadingSecret.computeIfAbsent(secret, (key) -> new TreeSet<>()).add(profile));
			Set<String> keys = expectedKeys(profile, realOrg(render, profile));
			if (keys.isEmpty()) {
				assertThat(read).as(profile + " references no variable, so it reads no profile Secret")
					.doesNotContainKey("seatkeeper-profile-" + profile);
				assertThat(render.listing()).contains("seatkeeper-" + profile + "  " + cronJob.getSpec().getSchedule() + "  no Secret");
			}
			else {
				assertThat(read).containsKey("seatkeeper-profile-" + profile);
				assertThat(cronJob.getMetadata().getAnnotations()).containsEntry("seatkeeper.dev/secret-keys", String.join(",", keys));
				assertThat(render.listing()).contains("seatkeeper-" + profile + "  " + cronJob.getSpec().getSchedule() + "  Secret seatkeeper-profile-"
						+ profile + ": " + String.join(", ", keys));
			}
		}
		profilesReadingSecret.forEach((secret, readers) -> {
			if (secret.startsWith("seatkeeper-profile-")) {
				assertThat(readers).as("the pods that read " + secret).containsExactly(secret.substring("seatkeeper-profile-".length()));
			}
			else {
				assertThat(secret).isIn(ManifestChecks.DATABASE_SECRET, ManifestChecks.CREDENTIALS_SECRET);
			}
		});
		assertThat(profilesReadingSecret.keySet().stream().filter((secret) -> secret.startsWith("seatkeeper-profile-")))
			.as("two in three profiles reference variables").hasSize(133);
	}

	@Test
	void kustomizeAcceptsTheRenderedDirectory() throws Exception {
		Assumptions.assumeTrue(KubernetesKustomizeTests.onPath("kubectl"),
				"kubectl is not on the PATH, so kustomize's acceptance of the rendered CronJobs was not checked");
		Path profiles = Files.createDirectories(this.work.resolve("profiles"));
		for (int i = 0; i < 200; i++) {
			writeProfile(profiles, profileName(i), "published", i % 2 == 0);
		}
		Path output = this.work.resolve("nightly");
		assertThat(render(profiles, "01:00-04:00", "--output-dir", output.toString()).exit).isZero();

		List<HasMetadata> objects = kustomize(output);

		assertThat(Manifests.ofKind(objects, CronJob.class)).hasSize(200).allSatisfy(ManifestChecks::assertNightly);
		assertThat(objects).allSatisfy((object) -> assertThat(Manifests.unknownFields(object)).isEmpty());
	}

	@Test
	void aProfileNameTooLongForACronJobIsRefusedAndNothingIsWritten() throws IOException {
		Path profiles = Files.createDirectories(this.work.resolve("profiles"));
		String longest = "a".repeat(41);
		writeProfile(profiles, longest, "published", true);
		Render fits = render(profiles, "01:00-04:00");
		assertThat(fits.exit).as(fits.err).isZero();
		assertThat(fits.cronJobs()).singleElement()
			.satisfies((cronJob) -> assertThat(cronJob.getMetadata().getName()).hasSize(52));

		writeProfile(profiles, "b".repeat(42), "published", true);
		Path output = this.work.resolve("nightly");
		Render refused = render(profiles, "01:00-04:00", "--output-dir", output.toString());

		assertThat(refused.exit).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
		assertThat(refused.err).contains("profile '" + "b".repeat(42) + "' is 42 characters")
			.contains("shorten the profile name to at most 41");
		assertThat(output).doesNotExist();
	}

	@Test
	void aWindowAcrossMidnightWrapsAndABadWindowIsAUsageError() throws IOException {
		Path profiles = Files.createDirectories(this.work.resolve("profiles"));
		for (int i = 0; i < 60; i++) {
			writeProfile(profiles, profileName(i), "published", false);
		}
		Render render = render(profiles, "23:30-00:30");
		assertThat(render.exit).as(render.err).isZero();
		List<Integer> minutes = render.cronJobs().stream().map((cronJob) -> minuteOfDay(cronJob.getSpec().getSchedule())).toList();
		assertThat(minutes).allSatisfy((minute) -> assertThat(minute >= 23 * 60 + 30 || minute < 30).as(minute + "").isTrue());
		assertThat(minutes).anySatisfy((minute) -> assertThat(minute).isLessThan(30))
			.anySatisfy((minute) -> assertThat(minute).isGreaterThanOrEqualTo(23 * 60 + 30));

		for (String bad : List.of("01:00", "04:00-04:00", "1am-4am")) {
			Render usage = render(profiles, bad);
			assertThat(usage.exit).as(bad).isEqualTo(ExitCode.USAGE.code());
			assertThat(usage.err).as(bad).contains("schedule window");
		}
	}

	@Test
	void theExampleOverlayHoldsTheCurrentRenderOfJobsProfiles() throws IOException {
		Path fresh = Path.of("target", "k8s-render", "example", "nightly");
		List<String> arguments = new ArrayList<>(EXAMPLE_RENDER);
		arguments.addAll(List.of("--output-dir", fresh.toString()));
		StringWriter out = new StringWriter();
		int exit = commandLine(out, new StringWriter()).execute(arguments.toArray(String[]::new));
		assertThat(exit).isZero();
		Path committed = Manifests.K8S.resolve("overlays/example/nightly");
		for (String file : List.of(RenderCommand.CRONJOBS_FILE, "kustomization.yaml")) {
			assertThat(Files.readString(committed.resolve(file)))
				.as("k8s/overlays/example/nightly/%s is stale: render again (the command is in k8s/overlays/example/kustomization.yaml,"
						+ " the fresh output is in %s)", file, fresh)
				.isEqualTo(Files.readString(fresh.resolve(file)));
		}
		assertThat(out.toString()).contains("seatkeeper-demo").contains("no Secret");
	}

	private static String profileName(int i) {
		// Names of every length a CronJob allows, from "o-0" to 41 characters.
		String base = "org-" + i + "-" + "acme-holding-subsidiary-eu-west-production".substring(0, i % 34);
		return base.replaceAll("-+$", "");
	}

	private static boolean realOrg(Render render, String profile) throws IOException {
		return Files.readString(render.profiles.resolve(profile + ".yaml")).contains("loginUrl");
	}

	private static Set<String> expectedKeys(String profile, boolean realOrg) {
		if (!realOrg) {
			return Set.of();
		}
		String prefix = "SF_" + profile.toUpperCase(Locale.ROOT).replace('-', '_');
		return new TreeSet<>(List.of(prefix + "_CLIENT_ID", prefix + "_CLIENT_SECRET"));
	}

	private static void writeProfile(Path directory, String name, String status, boolean realOrg) throws IOException {
		String prefix = "SF_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
		String salesforce = realOrg ? """
				  loginUrl: https://%s.my.salesforce.com
				  auth:
				    flow: client-credentials
				    clientId: ${%s_CLIENT_ID}
				    clientSecret: ${%s_CLIENT_SECRET}   # ${NOT_A_VALUE} in a comment is no reference
				""".formatted(name, prefix, prefix) : """
				  sandbox:
				    users: 100
				""";
		Files.writeString(directory.resolve(name + ".yaml"), """
				name: %s
				displayName: Org %s
				status: %s
				salesforce:
				%sentitlements:
				  licenses:
				    - model: UserLicense:SFDC
				      quantity: 10
				""".formatted(name, name, status, salesforce), StandardCharsets.UTF_8);
	}

	private static int minuteOfDay(String schedule) {
		String[] fields = schedule.split(" ");
		assertThat(fields).as(schedule).hasSize(5);
		assertThat(List.of(fields).subList(2, 5)).as(schedule + ": every day").containsOnly("*");
		return Integer.parseInt(fields[1]) * 60 + Integer.parseInt(fields[0]);
	}

	private Render render(Path profiles, String window, String... more) {
		List<String> arguments = new ArrayList<>(List.of("render", "--profiles-dir", profiles.toString(), "--image", IMAGE,
				"--schedule-window", window));
		arguments.addAll(List.of(more));
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = commandLine(out, err).execute(arguments.toArray(String[]::new));
		return new Render(profiles, exit, out.toString(), err.toString());
	}

	private static CommandLine commandLine(StringWriter out, StringWriter err) {
		CommandLine commandLine = KubernetesCommand.commandLine();
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		return commandLine;
	}

	private static List<HasMetadata> kustomize(Path directory) throws IOException, InterruptedException {
		Process kubectl = new ProcessBuilder("kubectl", "kustomize", directory.toString()).start();
		String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String errors = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(kubectl.exitValue()).as("kubectl kustomize " + directory + ": " + errors).isZero();
		return Manifests.parse(output);
	}

	/** A render's outcome; without --output-dir the CronJobs are on standard output and the listing on standard error. */
	private record Render(Path profiles, int exit, String out, String err) {

		String listing() {
			return this.err;
		}

		List<CronJob> cronJobs() {
			return Manifests.ofKind(Manifests.parse(this.out), CronJob.class);
		}

	}

}
