package dev.seatkeeper.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.seatkeeper.profile.InvalidProfilesException;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ProfileCatalog;
import dev.seatkeeper.profile.Profiles;
import org.jspecify.annotations.Nullable;

/**
 * A run's profile from the profile catalog, validated as {@code run} validates it: the profile must be there, and a
 * draft must be valid once published. Only the run's own profile is required to be valid; {@code run} has already
 * refused a catalog with any broken file before the first attempt. Stateless and thread-safe.
 */
public class CatalogProfileSource implements RunProfileSource {

	private final Profiles profiles;

	public CatalogProfileSource(Profiles profiles) {
		this.profiles = profiles;
	}

	@Override
	public Profile profile(String name, @Nullable Path directory) {
		ProfileCatalog catalog = this.profiles.load(directory);
		Optional<Profile> found = catalog.find(name);
		List<String> problems = found.isPresent()
				? catalog.problemsIfPublished(name).stream().map(ProfileCatalog::asDraftProblem).toList()
				: missing(catalog, name, directory);
		if (found.isPresent() && problems.isEmpty()) {
			return found.get();
		}
		throw new InvalidProfilesException("Profile '" + name + "' cannot be run: " + String.join("; ", problems)
				+ ". Fix the profile file, then run again; a restart as it is will not help.", problems);
	}

	/** Why the profile is not in the catalog: its file's problems if the catalog has any, else that it is not there. */
	private static List<String> missing(ProfileCatalog catalog, String name, @Nullable Path directory) {
		if (!catalog.problems().isEmpty()) {
			return catalog.problems();
		}
		return List.of("no profile named '" + name + "' in " + ((directory != null) ? directory : "the profiles directory")
				+ " (profiles: " + String.join(", ", catalog.profiles().stream().map(Profile::name).toList()) + ")");
	}

}
