package dev.seatkeeper.cli;

import java.nio.file.Path;
import java.util.List;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ProfileCatalog;
import dev.seatkeeper.profile.Profiles;
import dev.seatkeeper.profile.Section;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code profiles validate}: checks every profile file and names each problem by file and field. */
@Command(name = "profiles", description = "Work with integration profiles (jobs/profiles/*.yaml).",
		subcommands = { ProfilesCommand.Validate.class })
public class ProfilesCommand {

	@Command(name = "validate", description = { "Validate every profile; exit 2 when any is invalid.",
			"Drafts are also checked as if published: what would then be invalid (an unset $${ENV}) is listed, without failing." })
	static class Validate extends ConsoleCommand {

		private final Profiles profiles;

		@Option(names = "--profiles-dir", description = "Directory of profile files (default: $SEATKEEPER_PROFILES_DIR or jobs/profiles).")
		@Nullable Path directory;

		Validate(Profiles profiles) {
			this.profiles = profiles;
		}

		@Override
		public Integer call() {
			ProfileCatalog catalog = this.profiles.load(this.directory);
			int draftProblems = 0;
			for (Profile profile : catalog.profiles()) {
				List<String> ifPublished = catalog.problemsIfPublished(profile.name());
				out().printf("%-8s %-24s %-10s %s%n", ifPublished.isEmpty() ? "ok" : "draft", profile.name(),
						Section.kebab(profile.status()), profile.source());
				ifPublished.forEach(problem -> out().println("         " + ProfileCatalog.asDraftProblem(problem)));
				draftProblems += ifPublished.size();
			}
			for (String problem : catalog.problems()) {
				out().println("invalid  " + problem);
			}
			out().printf("%d valid, %d problems%s%n", catalog.profiles().size(), catalog.problems().size(),
					(draftProblems > 0) ? ", " + draftProblems + " more once drafts are published" : "");
			return (catalog.isValid() ? ExitCode.OK : ExitCode.INVALID_CONFIGURATION).code();
		}

	}

}
