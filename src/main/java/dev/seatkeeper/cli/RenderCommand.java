package dev.seatkeeper.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.k8s.NightlyCronJobs;
import dev.seatkeeper.k8s.ScheduleWindow;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ProfileCatalog;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seatkeeper k8s render}: one CronJob per published profile (drafts are left out), each started at a minute of
 * the schedule window fixed by its name, reading only its own Secret. Writes a kustomize directory (the CronJobs and a
 * kustomization.yaml listing them) or prints the CronJobs, and lists the Secret and keys each profile needs.
 * Secrets are never read: the profiles only name them.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
		description = { "Render one nightly CronJob per published profile, and list the Secret each needs." })
public class RenderCommand implements Callable<Integer> {

	/** The file the CronJobs are written to in --output-dir, next to a kustomization.yaml that lists it. */
	public static final String CRONJOBS_FILE = "cronjobs.yaml";

	@Spec
	private @Nullable CommandSpec spec;

	@Option(names = "--profiles-dir", required = true, description = "The profiles, e.g. jobs/profiles.")
	@Nullable Path profilesDir;

	@Option(names = "--image", required = true, description = "The container image, e.g. registry.example.com/seatkeeper:0.1.0.")
	@Nullable String image;

	@Option(names = "--schedule-window", defaultValue = "01:00-04:00",
			description = "Start times are spread over this part of the night, UTC, end exclusive (default: ${DEFAULT-VALUE}).")
	@Nullable String scheduleWindow;

	@Option(names = "--output-dir", description = "Write " + CRONJOBS_FILE + " and kustomization.yaml here instead of printing the CronJobs.")
	@Nullable Path outputDir;

	@Override
	public Integer call() throws IOException {
		CommandSpec spec = Objects.requireNonNull(this.spec);
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		ScheduleWindow window;
		try {
			window = ScheduleWindow.parse(Objects.requireNonNull(this.scheduleWindow));
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			return ExitCode.USAGE.code();
		}
		// Secrets are not needed to render: every ${ENV} reference counts as set, and is listed instead.
		ProfileCatalog catalog = ProfileCatalog.load(Objects.requireNonNull(this.profilesDir), (variable) -> "(rendering)");
		List<String> problems = new ArrayList<>(catalog.problems());
		List<Profile> published = catalog.profiles().stream().filter(Profile::isPublished).toList();
		published.stream().map((profile) -> NightlyCronJobs.problemOf(profile.name())).filter((problem) -> problem != null)
			.forEach(problems::add);
		if (!problems.isEmpty()) {
			problems.forEach(err::println);
			err.println("Nothing was rendered: fix the profiles above and render again.");
			return ExitCode.INVALID_CONFIGURATION.code();
		}
		if (published.isEmpty()) {
			err.println("No published profile in " + this.profilesDir + ": nothing to render (drafts get no CronJob).");
			return ExitCode.INVALID_CONFIGURATION.code();
		}
		NightlyCronJobs cronJobs = new NightlyCronJobs(window, Objects.requireNonNull(this.image));
		List<NightlyCronJobs.Rendered> rendered = published.stream().map(cronJobs::render).toList();
		String stream = NightlyCronJobs.stream(rendered);
		PrintWriter listing = out;
		if (this.outputDir == null) {
			out.print(stream);
			listing = err;
		}
		else {
			write(this.outputDir, stream);
		}
		listSecrets(rendered, catalog.profiles().size() - published.size(), listing);
		out.flush();
		err.flush();
		return ExitCode.OK.code();
	}

	private void write(Path directory, String stream) throws IOException {
		Files.createDirectories(directory);
		Files.writeString(directory.resolve(CRONJOBS_FILE), stream, StandardCharsets.UTF_8);
		Files.writeString(directory.resolve("kustomization.yaml"), """
				# Rendered by `seatkeeper k8s render`: one CronJob per published profile of %s. Render again after
				# adding, publishing or removing a profile (k8s/README.md, "Add a profile").
				apiVersion: kustomize.config.k8s.io/v1beta1
				kind: Kustomization
				resources:
				  - %s
				""".formatted(this.profilesDir, CRONJOBS_FILE), StandardCharsets.UTF_8);
	}

	private static void listSecrets(List<NightlyCronJobs.Rendered> rendered, int drafts, PrintWriter listing) {
		listing.printf("%d CronJobs rendered, %d drafts left out. The Secret each profile's pod reads:%n", rendered.size(), drafts);
		for (NightlyCronJobs.Rendered cronJob : rendered) {
			if (cronJob.secretKeys().isEmpty()) {
				listing.printf("  %s  %s  no Secret (no ${ENV} reference)%n", cronJob.cronJobName(), cronJob.schedule());
			}
			else {
				listing.printf("  %s  %s  Secret %s: %s%n", cronJob.cronJobName(), cronJob.schedule(), cronJob.secretName(),
						String.join(", ", cronJob.secretKeys()));
			}
		}
		listing.println("Every pod also reads seatkeeper-database (the runtime user) and SEATKEEPER_TOKEN_ENCRYPTION_KEY"
				+ " from seatkeeper-credentials.");
	}

}
