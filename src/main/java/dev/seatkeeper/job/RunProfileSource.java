package dev.seatkeeper.job;

import java.nio.file.Path;

import dev.seatkeeper.profile.InvalidProfilesException;
import dev.seatkeeper.profile.Profile;
import org.jspecify.annotations.Nullable;

/**
 * Where a run finds its profile when its {@link RunContext} is built: by the name in its job parameters, from the
 * directory the launcher read it from. In the application it is the profile catalog ({@link CatalogProfileSource}),
 * read again for every job execution, so a restart needs nothing of the process that launched the first attempt.
 */
@FunctionalInterface
public interface RunProfileSource {

	/**
	 * The validated profile ready to run.
	 * @param directory the profiles directory the launcher read it from; null for the configured one
	 * @throws InvalidProfilesException with a one-line message naming the profile when it is gone or invalid
	 */
	Profile profile(String name, @Nullable Path directory);

}
