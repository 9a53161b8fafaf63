package dev.seatkeeper.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What {@code recordActivity} reads: per license (a model identifier such as {@code UserLicense:SFDC} or
 * {@code FeatureLicense:SupportUser}) the objects whose use that license is for, how far back the first night looks
 * ({@code backfillDays}) and how far before each object's watermark a night starts reading again
 * ({@code lookBackMinutes}). Immutable.
 */
public record RecordActivitySettings(boolean enabled, int backfillDays, int lookBackMinutes,
		Map<String, List<String>> objectsByLicense) {

	public static final int DEFAULT_BACKFILL_DAYS = 365;

	public static final int DEFAULT_LOOK_BACK_MINUTES = 60;

	/**
	 * The documented defaults: Sales Cloud objects for a full Salesforce license, Account and Contact for Platform,
	 * Case for Service Cloud users, Knowledge articles for Knowledge users and content for CRM Content users.
	 */
	public static final Map<String, List<String>> DEFAULT_OBJECTS = defaults();

	public static final RecordActivitySettings DEFAULTS = new RecordActivitySettings(true, DEFAULT_BACKFILL_DAYS,
			DEFAULT_LOOK_BACK_MINUTES, DEFAULT_OBJECTS);

	/** For profiles built in code without record activity: the step reads nothing. */
	public static final RecordActivitySettings DISABLED = new RecordActivitySettings(false, DEFAULT_BACKFILL_DAYS,
			DEFAULT_LOOK_BACK_MINUTES, DEFAULT_OBJECTS);

	public RecordActivitySettings {
		objectsByLicense = Map.copyOf(objectsByLicense);
	}

	private static Map<String, List<String>> defaults() {
		Map<String, List<String>> objects = new LinkedHashMap<>();
		objects.put("UserLicense:SFDC",
				List.of("Account", "Contact", "Opportunity", "Lead", "Campaign", "Quote", "Contract"));
		objects.put("UserLicense:AUL", List.of("Account", "Contact"));
		objects.put("FeatureLicense:SupportUser", List.of("Case"));
		objects.put("FeatureLicense:KnowledgeUser", List.of("Knowledge__kav"));
		objects.put("FeatureLicense:SFContentUser", List.of("ContentVersion"));
		return Map.copyOf(objects);
	}

	/** Every object named for some license, sorted, each once. */
	public List<String> objects() {
		return List.copyOf(new TreeSet<>(this.objectsByLicense.values().stream().flatMap(List::stream).toList()));
	}

	/** The objects whose use a license is for; empty when the map does not name it. */
	public List<String> objectsOf(String license) {
		return this.objectsByLicense.getOrDefault(license, List.of());
	}

}
