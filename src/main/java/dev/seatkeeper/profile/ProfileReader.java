package dev.seatkeeper.profile;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.seatkeeper.profile.Entitlement.BillingPeriod;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Exclusions;
import dev.seatkeeper.profile.ReclamationSettings.Holders;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.profile.SalesforceSettings.AuthFlow;
import dev.seatkeeper.profile.SalesforceSettings.AuthSettings;
import dev.seatkeeper.profile.SalesforceSettings.SandboxSettings;
import dev.seatkeeper.salesforce.SalesforceHosts;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads and validates one profile file into a {@link Profile}, or into the list of its problems. */
final class ProfileReader {

	private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");

	private static final Pattern API_VERSION = Pattern.compile("\\d{2,3}\\.0");

	private static final int OLDEST_API_VERSION = 31;

	/** A rule's target: a kind of license, or a software model identifier such as UserLicense:SFDC. */
	private static final Pattern MODEL_IDENTIFIER = Pattern
		.compile("(UserLicense|PermissionSetLicense|PackageLicense|FeatureLicense):[A-Za-z0-9_.\\-]{1,150}");

	private static final Set<String> KINDS = Set.of("user-license", "permission-set-license", "package-license",
			"feature-license");

	/** A unit price whose yearly cost, at any whole-number quantity, still fits the report's DECIMAL(19, 2). */
	private static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("1000000");

	/** An allowance that fits consumption's DECIMAL(20, 4). */
	private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

	private static final YAMLMapper yaml = YAMLMapper.builder().build();

	private final Function<String, @Nullable String> environment;

	ProfileReader(Function<String, @Nullable String> environment) {
		this.environment = environment;
	}

	/** The profile, or null with the problems recorded; a draft's environment references are not checked. */
	@Nullable Profile read(Path file, String text, Problems problems) {
		return read(file, text, problems, false);
	}

	/**
	 * The problems a draft would have once published (its unset {@code ${ENV}} references), so {@code profiles validate}
	 * and {@code run --profile} can say so before anything is run.
	 */
	List<String> problemsIfPublished(Path file, String text) {
		Problems problems = new Problems(file);
		read(file, text, problems, true);
		return problems.messages();
	}

	private @Nullable Profile read(Path file, String text, Problems problems, boolean asPublished) {
		JsonNode root;
		try {
			root = yaml.readTree(text);
		}
		catch (JacksonException ex) {
			problems.add("", "not valid YAML: " + ex.getOriginalMessage());
			return null;
		}
		if (root == null || !root.isObject()) {
			problems.add("", "must be a YAML mapping with name, displayName, status and salesforce");
			return null;
		}
		DuplicateKeys.report(text, problems);
		Profile.Status status = statusOf(root);
		// A draft is never run by `run --all`; its secrets need only be set once it is published or run by name.
		Function<String, @Nullable String> environment = (status == Profile.Status.PUBLISHED || asPublished) ? this.environment
				: variable -> "(not checked for drafts)";
		Section profile = new Section(root, "", problems, environment);
		profile.allowOnly("name", "displayName", "status", "salesforce", "activity", "entitlements", "reclamation",
				"downgrades");
		String name = profile.requiredString("name");
		if (name != null && !NAME.matcher(name).matches()) {
			profile.problem("name", "must be lower-case letters, digits and '-' (got '" + name + "')");
		}
		String displayName = profile.string("displayName", (name != null) ? name : "");
		profile.enumValue("status", Profile.Status.class, Profile.Status.DRAFT);
		if (!profile.has("status")) {
			profile.problem("status", "is required (draft or published)");
		}
		SalesforceSettings salesforce = salesforce(profile.section("salesforce"));
		ActivitySettings activity = activity(profile.section("activity"));
		Section entitlements = profile.section("entitlements");
		List<Entitlement> licenses = entitlements(entitlements);
		List<ConsumptionEntitlement> consumption = consumption(entitlements);
		List<Downgrade> downgrades = profile.sections("downgrades").stream().map(this::downgrade).toList();
		ReclamationSettings reclamation = reclamation(profile.section("reclamation"), downgrades);
		if (name == null || !problems.isEmpty()) { // a missing name is one of the problems
			return null;
		}
		return new Profile(name, displayName, status, file, salesforce, activity, licenses, consumption, reclamation,
				downgrades);
	}

	/** One {@code downgrades} entry: from and to are model identifiers, requires the objects only from allows. */
	private Downgrade downgrade(Section downgrade) {
		downgrade.allowOnly("from", "to", "requires", "thresholdDays", "targetProfile");
		String from = downgrade.requiredString("from");
		String to = downgrade.requiredString("to");
		for (String key : List.of("from", "to")) {
			String model = "from".equals(key) ? from : to;
			if (model != null && !MODEL_IDENTIFIER.matcher(model).matches()) {
				downgrade.problem(key, "'" + model + "' is not a software model identifier such as UserLicense:SFDC");
			}
		}
		List<String> requires = downgrade.strings("requires");
		if (requires.isEmpty()) {
			downgrade.problem("requires", "is required: the objects whose use needs the expensive license"
					+ " (e.g. [Opportunity, Lead, Case])");
		}
		requires.stream().filter((object) -> !object.matches("[A-Za-z][A-Za-z0-9_]*"))
			.forEach((object) -> downgrade.problem("requires", "'" + object + "' is not an object API name"));
		return new Downgrade((from != null) ? from : "", (to != null) ? to : "", requires,
				downgrade.integer("thresholdDays", Downgrade.DEFAULT_THRESHOLD_DAYS, 1, 3650),
				downgrade.optionalString("targetProfile"));
	}

	private static Profile.Status statusOf(JsonNode root) {
		JsonNode status = root.get("status");
		return (status != null && "published".equalsIgnoreCase(status.asString())) ? Profile.Status.PUBLISHED
				: Profile.Status.DRAFT;
	}

	private SalesforceSettings salesforce(Section section) {
		if (!section.isPresent()) {
			section.problem("", "is required (loginUrl and auth for a real org, or sandbox)");
			return new SalesforceSettings(URI.create("https://login.salesforce.com"), SalesforceSettings.DEFAULT_API_VERSION,
					null, false, 0.5, 2000, null);
		}
		section.allowOnly("loginUrl", "apiVersion", "auth", "allowLoopback", "apiBudgetShare", "batchSize", "sandbox");
		String apiVersion = apiVersion(section);
		boolean allowLoopback = section.bool("allowLoopback", false);
		double budgetShare = section.share("apiBudgetShare", 0.5);
		int batchSize = section.integer("batchSize", 2000, 200, 2000);
		Section sandbox = section.section("sandbox");
		if (sandbox.isPresent()) {
			if (section.has("auth") || section.has("loginUrl")) {
				section.problem("sandbox", "a sandbox org takes no loginUrl or auth (it has its own)");
			}
			return new SalesforceSettings(URI.create("http://127.0.0.1"), apiVersion, null, true, budgetShare,
					batchSize, sandbox(sandbox));
		}
		URI loginUrl = loginUrl(section, allowLoopback);
		AuthSettings auth = auth(section.section("auth"));
		if (auth != null && auth.flow() == AuthFlow.CLIENT_CREDENTIALS && SalesforceHosts.isGenericLoginHost(loginUrl.getHost())) {
			section.problem("loginUrl", "the client credentials flow works only on the org's My Domain; use"
					+ " https://<domain>.my.salesforce.com (Setup > My Domain), not " + loginUrl.getHost());
		}
		return new SalesforceSettings(loginUrl, apiVersion, auth, allowLoopback, budgetShare, batchSize, null);
	}

	/** Versions 7.0 to 30.0 are retired: Salesforce answers 410 GONE to every call made with them. */
	private static String apiVersion(Section section) {
		String apiVersion = section.string("apiVersion", SalesforceSettings.DEFAULT_API_VERSION);
		if (!API_VERSION.matcher(apiVersion).matches()) {
			section.problem("apiVersion", "must look like " + SalesforceSettings.DEFAULT_API_VERSION + ", got '"
					+ apiVersion + "'");
		}
		else if (Integer.parseInt(apiVersion.substring(0, apiVersion.indexOf('.'))) < OLDEST_API_VERSION) {
			section.problem("apiVersion", apiVersion + " is retired (Salesforce answers 410 GONE to versions up to 30.0);"
					+ " use " + SalesforceSettings.DEFAULT_API_VERSION + " or leave apiVersion out for the default");
		}
		return apiVersion;
	}

	/**
	 * The login URL receives the client secret or the signed assertion, so it must be https on a Salesforce domain;
	 * {@code allowLoopback} admits a loopback address (the sandbox org), over http too, and nothing else.
	 */
	private URI loginUrl(Section section, boolean allowLoopback) {
		String text = section.requiredString("loginUrl");
		if (text == null) {
			return URI.create("https://login.salesforce.com");
		}
		try {
			URI uri = new URI(text);
			String scheme = String.valueOf(uri.getScheme());
			if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
				section.problem("loginUrl", "must be an https URL such as https://acme.my.salesforce.com, got '" + text + "'");
			}
			else if (SalesforceHosts.isLoopback(uri.getHost())) {
				if (!allowLoopback) {
					section.problem("loginUrl", "'" + text + "' is a loopback address; allowed only with allowLoopback: true");
				}
			}
			else if (!SalesforceHosts.isSalesforceHost(uri.getHost())) {
				section.problem("loginUrl", "'" + uri.getHost() + "' is not a Salesforce domain (such as"
						+ " acme.my.salesforce.com); allowLoopback admits only 127.0.0.0/8, ::1 and localhost");
			}
			else if (!scheme.equals("https")) {
				section.problem("loginUrl", "must be an https URL such as https://acme.my.salesforce.com (http only for"
						+ " a loopback address with allowLoopback: true), got '" + text + "'");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			section.problem("loginUrl", "is not a URL: " + text);
			return URI.create("https://login.salesforce.com");
		}
	}

	private @Nullable AuthSettings auth(Section auth) {
		if (!auth.isPresent()) {
			auth.problem("", "is required for a real org (flow, clientId, and the flow's secrets)");
			return null;
		}
		auth.allowOnly("flow", "clientId", "clientSecret", "username", "privateKey", "audience");
		if (!auth.has("flow")) {
			auth.problem("flow", "is required (client-credentials, refresh-token or jwt-bearer)");
		}
		AuthFlow flow = auth.enumValue("flow", AuthFlow.class, AuthFlow.CLIENT_CREDENTIALS);
		String clientId = auth.stringOrReference("clientId", true);
		SecretReference clientSecret = auth.secret("clientSecret", flow != AuthFlow.JWT_BEARER);
		String username = auth.stringOrReference("username", flow == AuthFlow.JWT_BEARER);
		SecretReference privateKey = auth.secret("privateKey", flow == AuthFlow.JWT_BEARER);
		return new AuthSettings(flow, (clientId != null) ? clientId : "", clientSecret, username, privateKey,
				audience(auth, flow));
	}

	/**
	 * An explicit JWT {@code aud}: {@code https://login.salesforce.com}, {@code https://test.salesforce.com} or an
	 * Experience Cloud site URL. Trailing slashes are dropped because Salesforce compares the claim literally.
	 */
	private static @Nullable String audience(Section auth, AuthFlow flow) {
		if (!auth.has("audience")) {
			return null;
		}
		String text = auth.string("audience", "");
		if (flow != AuthFlow.JWT_BEARER) {
			auth.problem("audience", "applies to the jwt-bearer flow only");
			return null;
		}
		try {
			URI uri = new URI(text.trim());
			if (uri.getHost() == null || !"https".equals(uri.getScheme())) {
				auth.problem("audience", "must be an https URL such as " + SalesforceHosts.PRODUCTION_LOGIN + ", got '"
						+ text + "'");
			}
		}
		catch (URISyntaxException ex) {
			auth.problem("audience", "is not a URL: " + text);
		}
		return SalesforceHosts.stripTrailingSlashes(text);
	}

	private SandboxSettings sandbox(Section sandbox) {
		sandbox.allowOnly("users", "seed", "loginDays");
		return new SandboxSettings(sandbox.integer("users", 1000, 1, 2_000_000), sandbox.longValue("seed", 42),
				sandbox.integer("loginDays", 180, 1, 365));
	}

	private ActivitySettings activity(Section activity) {
		activity.allowOnly("backfillDays", "windowDays", "concurrentCursors", "lookBackMinutes", "records");
		return new ActivitySettings(activity.integer("backfillDays", ActivitySettings.DEFAULT_BACKFILL_DAYS, 1, 366),
				activity.integer("windowDays", ActivitySettings.DEFAULT_WINDOW_DAYS, 1, 366),
				activity.integer("concurrentCursors", ActivitySettings.DEFAULT_CONCURRENT_CURSORS, 1, 16),
				activity.integer("lookBackMinutes", ActivitySettings.DEFAULT_LOOK_BACK_MINUTES, 0, 1440),
				records(activity.section("records")));
	}

	/** {@code activity.records}: each license named under {@code objects} replaces its default list ([] drops it). */
	private RecordActivitySettings records(Section records) {
		records.allowOnly("enabled", "backfillDays", "lookBackMinutes", "objects");
		Map<String, List<String>> objects = new java.util.LinkedHashMap<>(RecordActivitySettings.DEFAULT_OBJECTS);
		Section named = records.section("objects");
		for (String license : named.keys()) {
			if (!license.matches("(UserLicense|FeatureLicense|PermissionSetLicense|PackageLicense):\\S+")) {
				named.problem(license, "must name a license as a model identifier, e.g. UserLicense:SFDC or"
						+ " FeatureLicense:SupportUser");
			}
			List<String> names = named.strings(license);
			for (String object : names) {
				if (!object.matches("[A-Za-z][A-Za-z0-9_]*")) {
					named.problem(license, "'" + object + "' is not an object API name");
				}
			}
			objects.put(license, names);
		}
		return new RecordActivitySettings(records.bool("enabled", true),
				records.integer("backfillDays", RecordActivitySettings.DEFAULT_BACKFILL_DAYS, 1, 3650),
				records.integer("lookBackMinutes", RecordActivitySettings.DEFAULT_LOOK_BACK_MINUTES, 0, 1440), objects);
	}

	private List<Entitlement> entitlements(Section entitlements) {
		entitlements.allowOnly("licenses", "consumption");
		List<Entitlement> licenses = entitlements.sections("licenses").stream().map(this::entitlement).toList();
		// Amounts are never converted between currencies, so all lines of one model must share one.
		Map<String, Set<String>> currencies = new TreeMap<>();
		licenses.forEach(line -> currencies.computeIfAbsent(line.model(), model -> new TreeSet<>()).add(line.currency()));
		currencies.forEach((model, codes) -> {
			if (codes.size() > 1) {
				entitlements.problem("licenses", "model '" + model + "' is priced in " + codes + "; use one currency per model");
			}
		});
		return licenses;
	}

	private Entitlement entitlement(Section license) {
		license.allowOnly("model", "label", "quantity", "unlimited", "unitPrice", "currency", "billingPeriod",
				"termStart", "termEnd");
		String model = license.requiredString("model");
		boolean unlimited = license.bool("unlimited", false);
		Integer quantity = license.optionalInteger("quantity", 0);
		if (unlimited == (quantity != null)) {
			license.problem("quantity", "give either quantity or unlimited: true (a site license)");
		}
		Entitlement entitlement = new Entitlement((model != null) ? model : "", license.string("label", String.valueOf(model)),
				unlimited ? null : quantity, license.decimal("unitPrice", BigDecimal.ZERO, MAX_UNIT_PRICE), currency(license),
				license.enumValue("billingPeriod", BillingPeriod.class, BillingPeriod.MONTHLY), license.date("termStart"),
				license.date("termEnd"));
		if (entitlement.termStart() != null && entitlement.termEnd() != null
				&& entitlement.termEnd().isBefore(entitlement.termStart())) {
			license.problem("termEnd", "is before termStart");
		}
		return entitlement;
	}

	private String currency(Section section) {
		String currency = section.string("currency", "USD");
		if (!currency.matches("[A-Z]{3}")) {
			section.problem("currency", "must be an ISO 4217 code such as USD or EUR, got '" + currency + "'");
		}
		return currency;
	}

	private List<ConsumptionEntitlement> consumption(Section entitlements) {
		return entitlements.sections("consumption").stream().map(metric -> {
			metric.allowOnly("metric", "allowed", "period");
			String key = metric.requiredString("metric");
			return new ConsumptionEntitlement((key != null) ? key : "", metric.decimal("allowed", BigDecimal.ZERO, MAX_AMOUNT),
					metric.enumValue("period", BillingPeriod.class, BillingPeriod.MONTHLY));
		}).toList();
	}

	private ReclamationSettings reclamation(Section reclamation, List<Downgrade> downgrades) {
		reclamation.allowOnly("mode", "rules", "exclusions", "maxPerRun", "maxShareOfActiveUsers", "newUserGraceDays",
				"maxPerWeek", "allowPrivilegedUsers", "allowLargeReclamations");
		Section exclusions = reclamation.section("exclusions");
		exclusions.allowOnly("usernames", "profiles", "userTypes", "permissionSets", "permissionSetGroups");
		List<String> userTypes = exclusions.has("userTypes") ? exclusions.strings("userTypes")
				: Exclusions.DEFAULT_USER_TYPES;
		int maxPerRun = reclamation.integer("maxPerRun", 100, 0, 1_000_000);
		double maxShare = reclamation.share("maxShareOfActiveUsers", 0.05);
		Integer maxPerWeek = reclamation.optionalInteger("maxPerWeek", 0);
		boolean allowLarge = reclamation.bool("allowLargeReclamations", false);
		refuseLargeCaps(reclamation, maxPerRun, maxShare, allowLarge);
		return new ReclamationSettings(reclamation.enumValue("mode", Mode.class, Mode.DETECT),
				rules(reclamation, downgrades),
				new Exclusions(exclusions.strings("usernames"), exclusions.strings("profiles"), userTypes,
						permissionSets(exclusions), permissionSetGroups(exclusions)),
				maxPerRun, maxShare, reclamation.integer("newUserGraceDays", 30, 0, 3650), maxPerWeek,
				reclamation.bool("allowPrivilegedUsers", false), allowLarge);
	}

	/** A cap above the safe maxima is far more often a typo (0.5 for 0.05) than a plan, so it must be said twice. */
	private static void refuseLargeCaps(Section reclamation, int maxPerRun, double maxShare, boolean allowLarge) {
		if (allowLarge) {
			return;
		}
		if (maxShare > ReclamationSettings.LARGE_SHARE_OF_ACTIVE_USERS) {
			reclamation.problem("maxShareOfActiveUsers", "is " + maxShare + ", above "
					+ ReclamationSettings.LARGE_SHARE_OF_ACTIVE_USERS
					+ " of active users a day; lower it, or set reclamation.allowLargeReclamations: true if you mean it");
		}
		if (maxPerRun > ReclamationSettings.LARGE_MAX_PER_RUN) {
			reclamation.problem("maxPerRun", "is " + maxPerRun + ", above " + ReclamationSettings.LARGE_MAX_PER_RUN
					+ " users a day; lower it, or set reclamation.allowLargeReclamations: true if you mean it");
		}
	}

	/** Permission sets by API name ({@code PermissionSet.Name}), which is what a query can match, not by label. */
	private List<String> permissionSets(Section exclusions) {
		List<String> names = exclusions.strings("permissionSets");
		for (String name : names) {
			if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
				exclusions.problem("permissionSets", "'" + name + "' is not a permission set API name (PermissionSet.Name: "
						+ "letters, digits and underscores, e.g. Keep_License); labels cannot be matched");
			}
		}
		return names;
	}

	/** Rules by name: candidates and audits name their rule, so two rules of one name could not be told apart. */
	private List<Rule> rules(Section reclamation, List<Downgrade> downgrades) {
		List<Section> sections = reclamation.sections("rules");
		List<Rule> rules = sections.stream().map((section) -> rule(section, downgrades)).toList();
		Map<String, Integer> firstIndex = new TreeMap<>();
		for (int i = 0; i < rules.size(); i++) {
			String name = rules.get(i).name();
			Integer first = name.isEmpty() ? null : firstIndex.putIfAbsent(name, i);
			if (first != null) {
				sections.get(i).problem("name", "'" + name + "' is already the name of rules[" + first
						+ "]; rule names must be unique");
			}
		}
		return rules;
	}

	private static final List<String> INACTIVE_HOLDER_TARGETS = List.of("permission-set-license", "package-license");

	/** Permission set groups by API name ({@code PermissionSetGroup.DeveloperName}), not by label. */
	private List<String> permissionSetGroups(Section exclusions) {
		List<String> names = exclusions.strings("permissionSetGroups");
		for (String name : names) {
			if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
				exclusions.problem("permissionSetGroups", "'" + name + "' is not a permission set group API name "
						+ "(PermissionSetGroup.DeveloperName: letters, digits and underscores, e.g. Retention_Team); "
						+ "labels cannot be matched");
			}
		}
		return names;
	}

	private Rule rule(Section rule, List<Downgrade> downgrades) {
		rule.allowOnly("name", "appliesTo", "lastActivityThresholdDays", "lastUseThresholdDays", "notifyUser",
				"daysBeforeAutoReclaim", "action", "requireApproval", "holders");
		String name = rule.requiredString("name");
		List<String> appliesTo = rule.strings("appliesTo");
		if (appliesTo.isEmpty()) {
			rule.problem("appliesTo", "is required: software model identifiers (UserLicense:SFDC) or kinds (user-license)");
		}
		for (String target : appliesTo) {
			if (!KINDS.contains(target.toLowerCase(Locale.ROOT)) && !MODEL_IDENTIFIER.matcher(target).matches()) {
				rule.problem("appliesTo", "'" + target + "' is neither a kind (" + String.join(", ", new TreeSet<>(KINDS))
						+ ") nor a software model identifier such as UserLicense:SFDC or PermissionSetLicense:SalesConsoleUser");
			}
		}
		if (!rule.has("action")) {
			rule.problem("action", "is required (deactivate, freeze, remove-permission-set-license, remove-package-license,"
					+ " downgrade)");
		}
		Action action = rule.enumValue("action", Action.class, Action.DEACTIVATE);
		if (action == Action.DOWNGRADE) {
			return downgradeRule(rule, (name != null) ? name : "", appliesTo, downgrades);
		}
		Integer lastUse = rule.has("lastUseThresholdDays") ? rule.integer("lastUseThresholdDays", 90, 1, 3650) : null;
		// With only a use threshold, logins are not looked at (0); otherwise the login threshold has its default.
		int loginDefault = (lastUse != null) ? 0 : ReclamationSettings.DEFAULT_THRESHOLD_DAYS;
		Rule parsed = new Rule((name != null) ? name : "", appliesTo,
				rule.has("lastActivityThresholdDays") ? rule.integer("lastActivityThresholdDays", loginDefault, 1, 3650)
						: loginDefault,
				rule.bool("notifyUser", false), rule.integer("daysBeforeAutoReclaim", 0, 0, 365),
				action, rule.bool("requireApproval", false),
				rule.enumValue("holders", Holders.class, Holders.ACTIVE_USERS), lastUse);
		if (parsed.holders() == Holders.INACTIVE_USERS) {
			checkInactiveHolders(rule, parsed);
		}
		return parsed;
	}

	/**
	 * A {@code downgrade} rule: each model it applies to must be the {@code from} of exactly one downgrade, of user
	 * licenses (a profile carries a user license, nothing else), with a {@code targetProfile}. Its downgrades judge,
	 * so the login and use thresholds of other rules are refused rather than silently ignored. Whether the target
	 * profile exists in the org with the {@code to} license is checked when the run connects.
	 */
	private static Rule downgradeRule(Section rule, String name, List<String> appliesTo, List<Downgrade> downgrades) {
		for (String key : List.of("lastActivityThresholdDays", "lastUseThresholdDays", "holders")) {
			if (rule.has(key)) {
				rule.problem(key, "does not apply to a downgrade rule: the downgrade's requires and thresholdDays decide");
			}
		}
		List<Downgrade> used = new java.util.ArrayList<>();
		for (String target : appliesTo) {
			List<Downgrade> from = downgrades.stream().filter((d) -> d.from().equals(target)).toList();
			if (!target.startsWith("UserLicense:")) {
				rule.problem("appliesTo", "'" + target + "': a downgrade rule applies to user licenses only (it changes"
						+ " the user's profile), e.g. UserLicense:SFDC");
			}
			else if (from.isEmpty()) {
				rule.problem("appliesTo", "'" + target + "' is the from of no entry of downgrades; a downgrade rule needs"
						+ " one to know the cheaper license and its targetProfile");
			}
			else if (from.size() > 1) {
				rule.problem("appliesTo", "'" + target + "' is the from of " + from.size() + " downgrades; a downgrade"
						+ " rule needs exactly one");
			}
			else if (!from.get(0).to().startsWith("UserLicense:")) {
				rule.problem("appliesTo", "'" + target + "' downgrades to " + from.get(0).to() + ", which is no user"
						+ " license: a profile can only move a user to another user license");
			}
			else if (from.get(0).targetProfile() == null || from.get(0).targetProfile().isBlank()) {
				rule.problem("appliesTo", "'" + target + "': its downgrade to " + from.get(0).to() + " names no"
						+ " targetProfile, the Salesforce profile (of " + from.get(0).to() + ") to move users to");
			}
			else {
				used.add(from.get(0));
			}
		}
		return new Rule(name, appliesTo, 0, rule.bool("notifyUser", false),
				rule.integer("daysBeforeAutoReclaim", 0, 0, 365), Action.DOWNGRADE, rule.bool("requireApproval", false),
				Holders.ACTIVE_USERS, null, used);
	}

	/**
	 * A deactivated user holds seats only of permission set and package licenses, which only a removal frees, and
	 * cannot act on a notice: anything else in such a rule is a mistake to refuse, not to guess around.
	 */
	private static void checkInactiveHolders(Section section, Rule rule) {
		for (String target : rule.appliesTo()) {
			if (!INACTIVE_HOLDER_TARGETS.contains(target) && !target.startsWith("PermissionSetLicense:")
					&& !target.startsWith("PackageLicense:")) {
				section.problem("appliesTo", "'" + target + "' cannot be held by a deactivated user: a rule with "
						+ "holders: inactive-users applies to permission-set-license and package-license models only");
			}
		}
		if (rule.action() != Action.REMOVE_PERMISSION_SET_LICENSE && rule.action() != Action.REMOVE_PACKAGE_LICENSE) {
			section.problem("action", "must be remove-permission-set-license or remove-package-license with holders: "
					+ "inactive-users (the user is already deactivated)");
		}
		if (rule.notifyUser()) {
			section.problem("notifyUser", "must be false with holders: inactive-users (a deactivated user cannot log in "
					+ "to act on a notice)");
		}
	}

}
