package dev.seatkeeper.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import tools.jackson.databind.JsonNode;

/** What the manifests need to know about jobs/profiles: file names, statuses and ${ENV_VAR} references. */
final class ManifestsProfiles {

	private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

	private ManifestsProfiles() {
	}

	static List<String> fileNames() {
		try (Stream<Path> files = Files.list(Manifests.PROFILES)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Map<String, String> statusByName() {
		Map<String, String> statuses = new TreeMap<>();
		for (String file : fileNames()) {
			JsonNode profile = Manifests.tree(Manifests.PROFILES.resolve(file));
			statuses.put(profile.path("name").asString(), profile.path("status").asString());
		}
		return statuses;
	}

	/** The environment variables the profiles reference in their values (comments do not count). */
	static Set<String> environmentReferences() {
		Set<String> names = new TreeSet<>();
		for (String file : fileNames()) {
			collect(Manifests.tree(Manifests.PROFILES.resolve(file)), names);
		}
		return names;
	}

	private static void collect(JsonNode node, Set<String> names) {
		if (node.isString()) {
			Matcher matcher = REFERENCE.matcher(node.asString());
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
		node.forEach((child) -> collect(child, names));
	}

	static String profileOf(CronJob cronJob) {
		List<String> args = Manifests.container(cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers(),
				ManifestChecks.CONTAINER).getArgs();
		return args.get(args.indexOf("--profile") + 1);
	}

}
