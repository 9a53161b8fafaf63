package dev.seatkeeper.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.seatkeeper.profile.InvalidProfilesException;
import dev.seatkeeper.profile.Profiles;
import dev.seatkeeper.profile.ProfilesProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** How a run finds its profile again when its run context is built, as on a restart in a new process. */
class CatalogProfileSourceTests {

	private static final String PROFILE = """
			name: %s
			status: %s
			salesforce:
			  loginUrl: https://acme.my.salesforce.com
			  auth: {flow: client-credentials, clientId: "${SF_ID}", clientSecret: "${SF_SECRET}"}
			""";

	@TempDir
	Path launched;

	@TempDir
	Path configured;

	private MockEnvironment environment = new MockEnvironment().withProperty("SF_ID", "id")
		.withProperty("SF_SECRET", "secret");

	@Test
	void readsTheProfileFromTheDirectoryTheLauncherUsedNotTheConfiguredOne() throws IOException {
		write(this.launched, "acme.yaml", PROFILE.formatted("acme", "published"));

		assertThat(source().profile("acme", this.launched).source()).isEqualTo(this.launched.resolve("acme.yaml"));
	}

	@Test
	void aProfileNoLongerThereIsInvalidConfigurationSaidInOneLine() throws IOException {
		write(this.launched, "other.yaml", PROFILE.formatted("other", "published"));

		InvalidProfilesException refused = refused("acme");

		assertThat(refused).hasMessage("Profile 'acme' cannot be run: no profile named 'acme' in " + this.launched
				+ " (profiles: other). Fix the profile file, then run again; a restart as it is will not help.");
		assertThat(Failure.of(refused).exitCode()).isEqualTo(ExitCode.INVALID_CONFIGURATION);
	}

	@Test
	void aProfileWhoseFileBecameInvalidIsRefusedWithItsProblems() throws IOException {
		Path file = write(this.launched, "acme.yaml", PROFILE.formatted("acme", "live"));

		assertThat(refused("acme")).hasMessageStartingWith("Profile 'acme' cannot be run: " + file + ": status:")
			.hasMessageNotContaining("\n");
	}

	@Test
	void aDraftRunsOnlyWhenItWouldBeValidPublished() throws IOException {
		write(this.launched, "acme.yaml", PROFILE.formatted("acme", "draft"));
		assertThat(source().profile("acme", this.launched).isPublished()).isFalse();

		this.environment = new MockEnvironment().withProperty("SF_ID", "id");
		assertThat(refused("acme")).hasMessageContaining("draft: would be invalid when published:")
			.hasMessageContaining("SF_SECRET");
	}

	private InvalidProfilesException refused(String name) {
		return catchThrowableOfType(InvalidProfilesException.class, () -> source().profile(name, this.launched));
	}

	private CatalogProfileSource source() {
		return new CatalogProfileSource(new Profiles(new ProfilesProperties(this.configured), this.environment));
	}

	private static Path write(Path directory, String name, String text) throws IOException {
		return Files.writeString(directory.resolve(name), text);
	}

}
