package dev.seatkeeper.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.profile.ActivitySettings;
import dev.seatkeeper.profile.ConsumptionEntitlement;
import dev.seatkeeper.profile.Downgrade;
import dev.seatkeeper.profile.Entitlement;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings;
import dev.seatkeeper.profile.RecordActivitySettings;
import dev.seatkeeper.profile.ReclamationSettings.Exclusions;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.profile.SalesforceSettings;
import dev.seatkeeper.profile.SalesforceSettings.AuthFlow;
import dev.seatkeeper.profile.SalesforceSettings.AuthSettings;
import dev.seatkeeper.profile.SecretReference;
import dev.seatkeeper.sandbox.Sandbox;

/**
 * Profiles that reach a test's sandbox as a real org is reached: login URL, credentials by environment reference.
 * {@code TestProfiles.of("acme", sandbox).batchSize(200).build()}.
 */
public final class TestProfiles {

	/** The environment variable the profiles name for the client secret; {@link #properties} sets it. */
	public static final String SECRET_VARIABLE = "SANDBOX_CLIENT_SECRET";

	private final String name;

	private final Sandbox sandbox;

	private AuthFlow flow = AuthFlow.CLIENT_CREDENTIALS;

	private ActivitySettings activity = new ActivitySettings(180, 30, 4);

	private double apiBudgetShare = 1.0;

	private int batchSize = 2000;

	private List<Entitlement> entitlements = List.of();

	private List<ConsumptionEntitlement> consumption = List.of();

	private List<Rule> rules = List.of();

	private List<Downgrade> downgrades = List.of();

	private ReclamationSettings.Mode mode = ReclamationSettings.Mode.DETECT;

	private Exclusions exclusions = new Exclusions(List.of(), List.of(), Exclusions.DEFAULT_USER_TYPES, List.of());

	private int newUserGraceDays = 30;

	private int maxPerRun = 100;

	private double maxShareOfActiveUsers = 0.05;

	private Integer maxPerWeek;

	private boolean allowPrivilegedUsers;

	private TestProfiles(String name, Sandbox sandbox) {
		this.name = name;
		this.sandbox = sandbox;
	}

	public static TestProfiles of(String name, Sandbox sandbox) {
		return new TestProfiles(name, sandbox);
	}

	public TestProfiles flow(AuthFlow authFlow) {
		this.flow = authFlow;
		return this;
	}

	public TestProfiles activity(int backfillDays, int windowDays, int concurrentCursors) {
		this.activity = new ActivitySettings(backfillDays, windowDays, concurrentCursors,
				this.activity.lookBackMinutes(), this.activity.records());
		return this;
	}

	/** Record activity as {@code activity.records} sets it (off unless asked for). */
	public TestProfiles records(RecordActivitySettings records) {
		this.activity = new ActivitySettings(this.activity.backfillDays(), this.activity.windowDays(),
				this.activity.concurrentCursors(), this.activity.lookBackMinutes(), records);
		return this;
	}

	public TestProfiles apiBudgetShare(double share) {
		this.apiBudgetShare = share;
		return this;
	}

	public TestProfiles batchSize(int size) {
		this.batchSize = size;
		return this;
	}

	public TestProfiles entitlements(Entitlement... lines) {
		this.entitlements = List.of(lines);
		return this;
	}

	/** Allowances of consumption metrics (TenantUsageEntitlement keys or org limits). */
	public TestProfiles consumption(ConsumptionEntitlement... allowances) {
		this.consumption = List.of(allowances);
		return this;
	}

	public TestProfiles mode(ReclamationSettings.Mode reclamationMode) {
		this.mode = reclamationMode;
		return this;
	}

	public TestProfiles exclusions(Exclusions reclamationExclusions) {
		this.exclusions = reclamationExclusions;
		return this;
	}

	public TestProfiles caps(int perRun, double shareOfActiveUsers) {
		this.maxPerRun = perRun;
		this.maxShareOfActiveUsers = shareOfActiveUsers;
		return this;
	}

	public TestProfiles maxPerWeek(Integer perWeek) {
		this.maxPerWeek = perWeek;
		return this;
	}

	/** Lets the rules reclaim administrators ({@code reclamation.allowPrivilegedUsers: true}). */
	public TestProfiles allowPrivilegedUsers() {
		this.allowPrivilegedUsers = true;
		return this;
	}

	public TestProfiles newUserGraceDays(int days) {
		this.newUserGraceDays = days;
		return this;
	}

	/** Reclamation rules (detect mode): their thresholds decide who counts as active in the license position. */
	public TestProfiles rules(Rule... reclamationRules) {
		this.rules = List.of(reclamationRules);
		return this;
	}

	/** The profile's downgrades (right-sizing); a downgrade rule carries its own. */
	public TestProfiles downgrades(Downgrade... profileDowngrades) {
		this.downgrades = List.of(profileDowngrades);
		return this;
	}

	public Profile build() {
		AuthSettings auth = new AuthSettings(this.flow, this.sandbox.clientApp().clientId(),
				new SecretReference(SECRET_VARIABLE), null, null);
		SalesforceSettings salesforce = new SalesforceSettings(URI.create(this.sandbox.baseUrl()), "62.0", auth, true,
				this.apiBudgetShare, this.batchSize, null);
		ReclamationSettings reclamation = new ReclamationSettings(this.mode, this.rules, this.exclusions, this.maxPerRun,
				this.maxShareOfActiveUsers, this.newUserGraceDays, this.maxPerWeek, this.allowPrivilegedUsers, true);
		return new Profile(this.name, this.name, Profile.Status.PUBLISHED, Path.of(this.name + ".yaml"), salesforce,
				this.activity, this.entitlements, this.consumption, reclamation, this.downgrades);
	}

	/** The application properties a test run needs: the secret the profiles reference, and quick retries. */
	public static Map<String, Object> properties(Sandbox sandbox) {
		return Map.of(SECRET_VARIABLE, sandbox.clientApp().clientSecret(), "seatkeeper.salesforce.retry-initial-backoff",
				"10ms", "seatkeeper.salesforce.retry-max-backoff", "50ms");
	}

}
