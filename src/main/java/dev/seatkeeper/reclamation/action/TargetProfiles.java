package dev.seatkeeper.reclamation.action;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.seatkeeper.job.OrgSetupException;
import dev.seatkeeper.profile.Downgrade;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceRecords;
import dev.seatkeeper.salesforce.Soql;
import tools.jackson.databind.JsonNode;

/**
 * The Salesforce profiles a profile's {@code downgrade} rules move users to, resolved by name in the org with one
 * query ({@code Profile} by {@code Name}, with its user license). A target profile the org lacks, whose name matches
 * several profiles, or whose user license is not the downgrade's {@code to} is a configuration problem no retry
 * fixes: {@link #resolve} throws {@link OrgSetupException}, which fails the run as invalid configuration before
 * anything is written. Stateless and thread-safe.
 */
public final class TargetProfiles {

	private TargetProfiles() {
	}

	/** The downgrades of the profile's downgrade rules, each once. */
	static List<Downgrade> of(List<Rule> rules) {
		Set<Downgrade> downgrades = new LinkedHashSet<>();
		rules.forEach((rule) -> downgrades.addAll(rule.downgrades()));
		return List.copyOf(downgrades);
	}

	/** Checks, when the profile has downgrade rules, that their target profiles are right; one query. */
	public static void check(SalesforceClient client, Profile profile) {
		List<Downgrade> downgrades = of(profile.reclamation().rules());
		if (!downgrades.isEmpty()) {
			resolve(client, profile.name(), downgrades);
		}
	}

	/**
	 * The Id of each downgrade's target profile, by profile name as the downgrade spells it.
	 * @throws OrgSetupException naming the downgrade and what is wrong with its target profile
	 */
	static Map<String, String> resolve(SalesforceClient client, String profileName, List<Downgrade> downgrades) {
		List<String> names = downgrades.stream().map(Downgrade::targetProfile).filter(Objects::nonNull).distinct()
			.toList();
		Map<String, List<JsonNode>> byName = new HashMap<>();
		if (!names.isEmpty()) {
			client.query("SELECT Id, Name, UserLicenseId, UserLicense.LicenseDefinitionKey FROM Profile WHERE Name IN ("
					+ Soql.quoteAll(names) + ")")
				.forEach((profile) -> byName
					.computeIfAbsent(String.valueOf(SalesforceRecords.text(profile, "Name")).toLowerCase(Locale.ROOT),
							(name) -> new ArrayList<>())
					.add(profile));
		}
		Map<String, String> ids = new HashMap<>();
		List<String> problems = new ArrayList<>();
		for (Downgrade downgrade : downgrades) {
			String name = downgrade.targetProfile();
			String which = "downgrade " + downgrade.from() + " -> " + downgrade.to() + ": targetProfile '" + name + "'";
			List<JsonNode> found = (name != null) ? byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of())
					: List.of();
			String key = (found.size() == 1)
					? "UserLicense:" + SalesforceRecords.text(found.get(0), "UserLicense.LicenseDefinitionKey") : null;
			if (name == null) {
				problems.add("downgrade " + downgrade.from() + " -> " + downgrade.to() + " names no targetProfile");
			}
			else if (found.isEmpty()) {
				problems.add(which + " is not a profile in the org (Profile.Name, as Setup > Profiles lists it)");
			}
			else if (found.size() > 1) {
				problems.add(which + " matches " + found.size() + " profiles in the org; name exactly one");
			}
			else if (!downgrade.to().equals(key)) {
				problems.add(which + " is a profile of " + key + ", not of " + downgrade.to());
			}
			else {
				ids.put(name, Objects.requireNonNull(SalesforceRecords.text(found.get(0), "Id")));
			}
		}
		if (!problems.isEmpty()) {
			throw new OrgSetupException("Profile '" + profileName + "': " + String.join("; ", problems)
					+ "; fix downgrades[].targetProfile");
		}
		return ids;
	}

}
