package dev.seatkeeper.profile;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.seatkeeper.cli.ExitCode;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code profiles validate}: checks every profile file and names each problem by file and field. */
@Command(name = "profiles", description = "Work with integration profiles (jobs/profiles/*.yaml).",
		subcommands = { ProfilesCommand.Validate.class })
public class ProfilesCommand {

	@Command(name = "validate", description = "Validate every profile; exit 2 when any is invalid.")
	static class Validate implements Callable<Integer> {

		private final Profiles profiles;

		@Option(names = "--profiles-dir", description = "Directory of profile files (default: $SEATKEEPER_PROFILES_DIR or jobs/profiles).")
		@Nullable Path directory;

		Validate(Profiles profiles) {
			this.profiles = profiles;
		}

		@Override
		public Integer call() {
			ProfileCatalog catalog = this.profiles.load(this.directory);
			for (Profile profile : catalog.profiles()) {
				System.out.printf("ok       %-24s %-10s %s%n", profile.name(), Section.kebab(profile.status()), profile.source());
			}
			for (String problem : catalog.problems()) {
				System.out.println("invalid  " + problem);
			}
			System.out.printf("%d valid, %d problems%n", catalog.profiles().size(), catalog.problems().size());
			return (catalog.isValid() ? ExitCode.OK : ExitCode.INVALID_CONFIGURATION).code();
		}

	}

}
