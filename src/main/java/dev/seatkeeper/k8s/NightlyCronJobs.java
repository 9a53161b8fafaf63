package dev.seatkeeper.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.seatkeeper.profile.Profile;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders one nightly CronJob per published profile from the template in this package, which carries every property
 * k8s/README.md explains. The per-profile parts are the name, labels, schedule, arguments and the profile's own
 * Secret; nothing in one profile's CronJob names another profile.
 */
public final class NightlyCronJobs {

	/** CronJob names leave 11 characters for the Jobs' timestamp suffix (Kubernetes' limit is 52). */
	static final int MAX_CRONJOB_NAME = 52;

	static final String PREFIX = "seatkeeper-";

	/** One Secret per profile; it holds that profile's ${ENV} references only. */
	static final String SECRET_PREFIX = "seatkeeper-profile-";

	/** Label values are at most 63 characters. */
	private static final int MAX_LABEL_VALUE = 63;

	private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");

	private static final YAMLMapper yaml = YAMLMapper.builder().build();

	private final String template;

	private final ScheduleWindow window;

	private final String image;

	public NightlyCronJobs(ScheduleWindow window, String image) {
		this.template = template();
		this.window = window;
		this.image = image;
	}

	/** What is rendered for one profile. */
	public record Rendered(String profile, String cronJobName, String schedule, String secretName, Set<String> secretKeys,
			String yaml) {
	}

	/** Why a profile cannot be given a CronJob, or null when it can. */
	public static @Nullable String problemOf(String profile) {
		String name = PREFIX + profile;
		if (name.length() > MAX_CRONJOB_NAME) {
			return "profile '" + profile + "' is " + profile.length() + " characters; its CronJob " + name + " would exceed "
					+ MAX_CRONJOB_NAME + " (Kubernetes' limit), so shorten the profile name to at most "
					+ (MAX_CRONJOB_NAME - PREFIX.length());
		}
		return (profile.length() > MAX_LABEL_VALUE) ? "profile '" + profile + "' is too long for a label value" : null;
	}

	public Rendered render(Profile profile) {
		String name = PREFIX + profile.name();
		String secret = SECRET_PREFIX + profile.name();
		Set<String> keys = secretKeysOf(profile);
		String schedule = this.window.cronOf(profile.name());
		String secretRef = keys.isEmpty() ? ""
				: """
						                # This org's ${ENV} references, and no other org's. Optional: when it is missing the run
						                # exits 2 naming the unset variable, instead of the pod waiting in CreateContainerConfigError.
						                - secretRef:
						                    name: %s
						                    optional: true
						""".formatted(secret);
		String text = this.template.replace("@name@", name)
			.replace("@profile@", profile.name())
			.replace("@schedule@", schedule)
			.replace("@image@", this.image)
			.replace("@secret@", keys.isEmpty() ? "" : secret)
			.replace("@secretKeys@", String.join(",", keys))
			.replace("@profileSecret@", secretRef);
		return new Rendered(profile.name(), name, schedule, secret, keys, text);
	}

	/** The environment variables the profile's values reference (comments do not count). */
	static Set<String> secretKeysOf(Profile profile) {
		Set<String> names = new TreeSet<>();
		collect(yaml.readTree(profile.source().toFile()), names);
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

	/** The CronJobs, as one multi-document YAML stream. */
	public static String stream(List<Rendered> rendered) {
		List<String> documents = new ArrayList<>();
		rendered.forEach((cronJob) -> documents.add(cronJob.yaml()));
		return String.join("---\n", documents);
	}

	private static String template() {
		try (InputStream in = NightlyCronJobs.class.getResourceAsStream("cronjob.yaml")) {
			if (in == null) {
				throw new IllegalStateException("cronjob.yaml is missing from the dev.seatkeeper.k8s package");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
