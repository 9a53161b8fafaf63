package dev.seatkeeper.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Every profile of a directory ({@code *.yaml} / {@code *.yml}), read and validated together: a run checks all
 * profiles before it starts, so a broken file is seen at once and nothing is written.
 */
public final class ProfileCatalog {

	private final List<Profile> profiles;

	private final List<String> problems;

	/** Per draft profile, what would be wrong with it once published. */
	private final Map<String, List<String>> draftProblems;

	private ProfileCatalog(List<Profile> profiles, List<String> problems, Map<String, List<String>> draftProblems) {
		this.profiles = List.copyOf(profiles);
		this.problems = List.copyOf(problems);
		this.draftProblems = Map.copyOf(draftProblems);
	}

	/** Reads the directory; problems are collected, never thrown. */
	public static ProfileCatalog load(Path directory, Function<String, @Nullable String> environment) {
		List<Profile> profiles = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		Map<String, List<String>> draftProblems = new HashMap<>();
		if (!Files.isDirectory(directory)) {
			problems.add(directory + ": profiles directory does not exist (set --profiles-dir or SEATKEEPER_PROFILES_DIR)");
			return new ProfileCatalog(profiles, problems, draftProblems);
		}
		ProfileReader reader = new ProfileReader(environment);
		Map<String, Path> seen = new HashMap<>();
		for (Path file : files(directory, problems)) {
			Problems fileProblems = new Problems(file);
			String text = text(file, fileProblems);
			Profile profile = (text != null) ? read(reader, file, text, fileProblems) : null;
			problems.addAll(fileProblems.messages());
			if (text == null || profile == null) {
				continue;
			}
			if (!profile.isPublished()) {
				List<String> ifPublished = reader.problemsIfPublished(file, text);
				if (!ifPublished.isEmpty()) {
					draftProblems.put(profile.name(), ifPublished);
				}
			}
			Path earlier = seen.putIfAbsent(profile.name(), file);
			if (earlier != null) {
				problems.add(file + ": name: '" + profile.name() + "' is already the name of " + earlier);
				continue;
			}
			profiles.add(profile);
		}
		return new ProfileCatalog(profiles, problems, draftProblems);
	}

	private static @Nullable String text(Path file, Problems problems) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			problems.add("", "cannot be read: " + ex.getMessage());
			return null;
		}
	}

	private static @Nullable Profile read(ProfileReader reader, Path file, String text, Problems problems) {
		try {
			return reader.read(file, text, problems);
		}
		catch (RuntimeException ex) {
			// A value the reader did not foresee must not hide the problems of this file or of the others.
			problems.add("", "cannot be validated: " + ex.getMessage());
			return null;
		}
	}

	private static List<Path> files(Path directory, List<String> problems) {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.filter(Files::isRegularFile)
				.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			problems.add(directory + ": cannot be listed: " + ex.getMessage());
			return List.of();
		}
	}

	public List<Profile> profiles() {
		return this.profiles;
	}

	public List<String> problems() {
		return this.problems;
	}

	public boolean isValid() {
		return this.problems.isEmpty();
	}

	/** Throws with every problem when any file is invalid. */
	public ProfileCatalog requireValid() {
		if (!isValid()) {
			throw new InvalidProfilesException(this.problems);
		}
		return this;
	}

	public Optional<Profile> find(String name) {
		return this.profiles.stream().filter(profile -> profile.name().equals(name)).findFirst();
	}

	/** The profile, or an {@link InvalidProfilesException} naming the profiles there are. */
	public Profile require(String name) {
		return find(name).orElseThrow(() -> new InvalidProfilesException(List.of("no profile named '" + name
				+ "' (profiles: " + String.join(", ", this.profiles.stream().map(Profile::name).toList()) + ")")));
	}

	/** What would be wrong with a draft once published (empty for a published profile, or a draft ready for it). */
	public List<String> problemsIfPublished(String name) {
		return this.draftProblems.getOrDefault(name, List.of());
	}

	/**
	 * The profile, ready to run: a draft is run by name only when it would be valid published, so an unset
	 * {@code ${ENV}} is refused here and not found by the run's first step.
	 */
	public Profile requireRunnable(String name) {
		Profile profile = require(name);
		List<String> ifPublished = problemsIfPublished(name);
		if (!ifPublished.isEmpty()) {
			throw new InvalidProfilesException(ifPublished.stream().map(ProfileCatalog::asDraftProblem).toList());
		}
		return profile;
	}

	/** "draft: would be invalid when published: acme.yaml: salesforce.auth.clientSecret: ..." */
	public static String asDraftProblem(String problem) {
		return "draft: would be invalid when published: " + problem;
	}

	public List<Profile> published() {
		return this.profiles.stream().filter(Profile::isPublished).toList();
	}

}
