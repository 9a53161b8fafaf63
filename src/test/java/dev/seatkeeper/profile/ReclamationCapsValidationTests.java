package dev.seatkeeper.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Caps above the safe maxima (a quarter of the active users, 10,000 users a day) are refused unless the profile says
 * {@code allowLargeReclamations: true}; the weekly cap and the administrators' protection read as written.
 */
class ReclamationCapsValidationTests {

	@TempDir
	Path directory;

	@Test
	void largeCapsAreRefusedNamingTheFieldAndTheWayOut() throws IOException {
		Path file = write("""
				  maxShareOfActiveUsers: 0.5
				  maxPerRun: 20000
				""");

		ProfileCatalog catalog = load();

		assertThat(catalog.profiles()).isEmpty();
		assertThat(catalog.problems())
			.anySatisfy(problem -> assertThat(problem).startsWith(file + ": reclamation.maxShareOfActiveUsers: is 0.5, above 0.25")
				.contains("reclamation.allowLargeReclamations: true"))
			.anySatisfy(problem -> assertThat(problem).startsWith(file + ": reclamation.maxPerRun: is 20000, above 10000"));
	}

	@Test
	void largeCapsPassWhenTheProfileSaysItMeansThem() throws IOException {
		write("""
				  maxShareOfActiveUsers: 0.5
				  maxPerRun: 20000
				  allowLargeReclamations: true
				""");

		ReclamationSettings settings = load().requireValid().require("acme").reclamation();

		assertThat(settings.maxShareOfActiveUsers()).isEqualTo(0.5);
		assertThat(settings.maxPerRun()).isEqualTo(20000);
		assertThat(settings.allowLargeReclamations()).isTrue();
	}

	@Test
	void theWeeklyCapIsOptionalAndAdministratorsAreProtectedByDefault() throws IOException {
		write("  maxPerWeek: 300\n");
		ReclamationSettings capped = load().requireValid().require("acme").reclamation();
		assertThat(capped.maxPerWeek()).isEqualTo(300);
		assertThat(capped.allowPrivilegedUsers()).isFalse();

		write("  allowPrivilegedUsers: true\n");
		ReclamationSettings allowing = load().requireValid().require("acme").reclamation();
		assertThat(allowing.maxPerWeek()).isNull();
		assertThat(allowing.allowPrivilegedUsers()).isTrue();
	}

	private ProfileCatalog load() {
		return ProfileCatalog.load(this.directory, variable -> null);
	}

	private Path write(String reclamation) throws IOException {
		Path file = this.directory.resolve("acme.yaml");
		Files.writeString(file, """
				name: acme
				status: published
				salesforce:
				  sandbox: {users: 100, seed: 1}
				reclamation:
				  mode: enforce
				""" + reclamation);
		return file;
	}

}
