package dev.seatkeeper.profile;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Loads the profile catalog from the configured directory, resolving {@code ${ENV}} checks against the environment. */
@Component
public class Profiles {

	private final ProfilesProperties properties;

	private final Environment environment;

	public Profiles(ProfilesProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	/** The catalog of {@code directory}, or of the configured directory when null. */
	public ProfileCatalog load(@Nullable Path directory) {
		return ProfileCatalog.load((directory != null) ? directory : this.properties.dir(), this.environment::getProperty);
	}

	/** The value of an environment reference, for the moment a connection is made. */
	public @Nullable String resolve(SecretReference reference) {
		return this.environment.getProperty(reference.variable());
	}

	/** A plain value with {@code ${ENV}} references replaced. */
	public String resolvePlaceholders(String value) {
		return this.environment.resolveRequiredPlaceholders(value);
	}

}
