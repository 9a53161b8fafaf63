package dev.seatkeeper.sandbox;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.BiFunction;

import dev.seatkeeper.sandbox.auth.ClientApp;
import dev.seatkeeper.sandbox.auth.LoginHost;
import dev.seatkeeper.sandbox.auth.Sessions;
import dev.seatkeeper.sandbox.auth.TokenService;
import dev.seatkeeper.sandbox.fault.Faults;
import dev.seatkeeper.sandbox.fault.RequestLog;
import dev.seatkeeper.sandbox.http.SandboxServer;
import dev.seatkeeper.sandbox.limits.ApiUsage;
import dev.seatkeeper.sandbox.org.AwkwardRecords;
import dev.seatkeeper.sandbox.org.AwkwardUsers;
import dev.seatkeeper.sandbox.org.LicenseMetrics;
import dev.seatkeeper.sandbox.org.OrgFacts;
import dev.seatkeeper.sandbox.org.OrgGenerator;
import dev.seatkeeper.sandbox.org.OrgSpec;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Permission;
import dev.seatkeeper.sandbox.org.RunAsUser;
import dev.seatkeeper.sandbox.org.SandboxOrg;
import dev.seatkeeper.sandbox.query.QueryCursors;
import dev.seatkeeper.sandbox.query.QueryEngine;
import dev.seatkeeper.sandbox.soql.SoqlParser;
import dev.seatkeeper.sandbox.soql.SoqlQuery;
import dev.seatkeeper.sandbox.soql.SoqlSchema;
import org.jspecify.annotations.Nullable;

/**
 * A running simulated Salesforce org: the embedded org of the demo, the fixture of integration tests and the
 * load generator of benchmarks. Typical use:
 *
 * <pre>
 * try (Sandbox sandbox = Sandbox.builder().users(2000).now(NOW).build().start()) {
 *     client.connect(sandbox.tokenUrl(), sandbox.clientApp().clientId(), sandbox.clientApp().clientSecret());
 *     sandbox.faults().expireSessionsAfter(3);
 *     assertThat(result.users()).isEqualTo(sandbox.facts().users());
 * }
 * </pre>
 *
 * Thread-safe; {@link #start()} and {@link #close()} once each.
 */
public final class Sandbox implements AutoCloseable {

	private final SandboxOrg org;

	private final ClientApp clientApp;

	private final Sessions sessions;

	private final ApiUsage usage;

	private final QueryCursors cursors;

	private final Faults faults;

	private final RequestLog requests = new RequestLog();

	private final SandboxServer server;

	private final AwkwardRecords.@Nullable Ids awkwardRecords;

	private Sandbox(Builder builder) {
		this.org = builder.org != null ? builder.org
				: OrgGenerator.generate(new OrgSpec(builder.users, builder.seed, builder.loginDays, builder.now));
		if (builder.runAs != null) {
			this.org.runAs(builder.runAs);
		}
		if (builder.awkwardUsers) {
			AwkwardUsers.apply(this.org);
		}
		this.awkwardRecords = builder.awkwardRecords ? AwkwardRecords.apply(this.org) : null;
		if (builder.licenseMetrics) {
			// After the run-as user is known: a feature whose flag is hidden is one the org lacks, with no metric row.
			LicenseMetrics.collect(this.org);
		}
		this.clientApp = builder.clientApp;
		this.sessions = new Sessions(this.org.orgId());
		this.usage = new ApiUsage(builder.apiLimit > 0 ? builder.apiLimit : defaultApiLimit(this.org));
		this.cursors = new QueryCursors(builder.locatorIdleTimeout);
		this.faults = new Faults(this.sessions, this.usage, this.cursors);
		this.faults.sortedScanLimit(builder.queryTimeoutRows).queryPageTime(builder.queryPageMs)
			.concurrentRequestLimit(builder.concurrentRequestLimit, builder.longRunningRequestMs);
		TokenService tokens = new TokenService(this.clientApp, this.sessions, this.org, builder.userPassword,
				new LoginHost(builder.genericLoginHost, builder.salesforceSandbox));
		QueryEngine engine = new QueryEngine(this.org, builder.parser);
		this.server = new SandboxServer(new SandboxServer.Parts(this.org, tokens, this.sessions, this.usage, this.faults,
				this.requests, engine, this.cursors), builder.port, builder.threads);
	}

	/** What {@link Builder#awkwardRecords} added, or null when it was not asked for. */
	public AwkwardRecords.@Nullable Ids awkwardRecords() {
		return this.awkwardRecords;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Enterprise Edition's formula: 100,000 requests a day plus 1,000 per full Salesforce license. */
	static long defaultApiLimit(SandboxOrg org) {
		Object total = org.table(OrgTypes.USER_LICENSE).record(0).requiredValue("TotalLicenses");
		return 100_000L + 1000L * (Integer) total;
	}

	public Sandbox start() {
		this.server.start();
		return this;
	}

	/** Stops serving; open connections are dropped. */
	public void stop() {
		this.server.stop();
	}

	@Override
	public void close() {
		stop();
	}

	/** {@code http://127.0.0.1:PORT}: the login URL and the instance URL alike. */
	public String baseUrl() {
		return this.server.baseUrl();
	}

	public String tokenUrl() {
		return baseUrl() + "/services/oauth2/token";
	}

	public int port() {
		return this.server.port();
	}

	/**
	 * A live access token for the integration user, as client credentials would give, for tests that exercise
	 * something other than OAuth. Not logged and not counted.
	 */
	public String issueAccessToken() {
		return this.sessions.issueAccessToken(
				new Sessions.Session(this.org.integrationUserId(), this.clientApp.clientId(), "api"));
	}

	public SandboxOrg org() {
		return this.org;
	}

	/** Ground truth computed from the org's data as it is now (after any writes). */
	public OrgFacts facts() {
		return this.org.facts();
	}

	public Faults faults() {
		return this.faults;
	}

	public RequestLog requests() {
		return this.requests;
	}

	public ApiUsage apiUsage() {
		return this.usage;
	}

	public ClientApp clientApp() {
		return this.clientApp;
	}

	public Sessions sessions() {
		return this.sessions;
	}

	/** Sandbox options; every one has a default, so {@code Sandbox.builder().build()} serves 1,000 users. */
	public static final class Builder {

		private int users = OrgSpec.DEFAULT_USERS;

		private long seed = OrgSpec.DEFAULT_SEED;

		private int loginDays = OrgSpec.DEFAULT_LOGIN_DAYS;

		private Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

		private @Nullable SandboxOrg org;

		private int port;

		private int threads = 32;

		private ClientApp clientApp = ClientApp.defaults();

		private String userPassword = "sandbox";

		private long apiLimit;

		private Duration locatorIdleTimeout = Duration.ofMinutes(15);

		private BiFunction<String, SoqlSchema, SoqlQuery> parser = SoqlParser::parse;

		private boolean genericLoginHost;

		private boolean salesforceSandbox;
		private @Nullable RunAsUser runAs;

		private long queryTimeoutRows = Faults.DEFAULT_SORTED_SCAN_LIMIT_ROWS;

		private long queryPageMs;

		private int concurrentRequestLimit = Faults.DEFAULT_CONCURRENT_REQUEST_LIMIT;

		private long longRunningRequestMs = Faults.DEFAULT_LONG_RUNNING_REQUEST_MS;

		private boolean awkwardUsers;

		private boolean awkwardRecords;
		private boolean licenseMetrics = true;

		private Builder() {
		}

		public Builder users(int count) {
			this.users = count;
			return this;
		}

		public Builder seed(long value) {
			this.seed = value;
			return this;
		}

		public Builder loginDays(int days) {
			this.loginDays = days;
			return this;
		}

		/** The instant the generated data is "as of"; fix it for reproducible orgs (default: now). */
		public Builder now(Instant instant) {
			this.now = instant;
			return this;
		}

		/** Serves an org generated beforehand (the other generation options are then ignored). */
		public Builder org(SandboxOrg generated) {
			this.org = generated;
			return this;
		}

		/** The port on 127.0.0.1; 0 (the default) takes a free one. */
		public Builder port(int number) {
			this.port = number;
			return this;
		}

		public Builder threads(int count) {
			this.threads = count;
			return this;
		}

		public Builder client(String clientId, String clientSecret) {
			this.clientApp = new ClientApp(clientId, clientSecret, this.clientApp.redirectUris(), this.clientApp.jwtKey(),
					this.clientApp.rotateRefreshTokens());
			return this;
		}

		public Builder redirectUris(Set<String> uris) {
			this.clientApp = new ClientApp(this.clientApp.clientId(), this.clientApp.clientSecret(), uris,
					this.clientApp.jwtKey(), this.clientApp.rotateRefreshTokens());
			return this;
		}

		/** The certificate key JWT bearer assertions must be signed with. */
		public Builder jwtKey(PublicKey key) {
			this.clientApp = this.clientApp.withJwtKey(key);
			return this;
		}

		public Builder rotateRefreshTokens(boolean rotate) {
			this.clientApp = this.clientApp.withRotatingRefreshTokens(rotate);
			return this;
		}

		/** The password every active user has for the username-password flow (default {@code sandbox}). */
		public Builder userPassword(String password) {
			this.userPassword = password;
			return this;
		}

		/** The daily API request limit (default: Enterprise Edition's formula for the generated org). */
		public Builder apiLimit(long max) {
			this.apiLimit = max;
			return this;
		}

		public Builder locatorIdleTimeout(Duration timeout) {
			this.locatorIdleTimeout = timeout;
			return this;
		}

		/**
		 * Plays {@code login.salesforce.com} / {@code test.salesforce.com} rather than the org's My Domain (the
		 * default): the client credentials flow is then refused with {@code invalid_grant}, {@code request not
		 * supported on this domain}, as Salesforce does.
		 */
		public Builder genericLoginHost(boolean generic) {
			this.genericLoginHost = generic;
			return this;
		}

		/**
		 * What API sessions may see and do, in full (default: {@link RunAsUser#administrator()}, every permission and
		 * field).
		 */
		public Builder runAs(RunAsUser user) {
			this.runAs = user;
			return this;
		}

		/**
		 * Plays a Salesforce sandbox org: JWT bearer assertions must name {@code https://test.salesforce.com} as
		 * their audience (default: a production org, {@code https://login.salesforce.com}). Any other audience is
		 * refused either way.
		 */
		public Builder salesforceSandbox(boolean sandboxOrg) {
			this.salesforceSandbox = sandboxOrg;
			return this;
		}

		/**
		 * Takes system permissions away from the user API sessions run as: objects it then may not read answer
		 * {@code INVALID_TYPE}, writes it may not make fail per record with {@code INSUFFICIENT_ACCESS_OR_READONLY}.
		 */
		public Builder withhold(Permission... permissions) {
			RunAsUser user = (this.runAs != null) ? this.runAs : RunAsUser.administrator();
			for (Permission permission : permissions) {
				user = user.withhold(permission);
			}
			this.runAs = user;
			return this;
		}

		/**
		 * Drops a field from the object's describe and queries, as an org without the feature (a
		 * {@code UserPermissions*} flag) or field-level security hiding it does: selecting it is {@code INVALID_FIELD}.
		 */
		public Builder hideField(String object, String field) {
			this.runAs = ((this.runAs != null) ? this.runAs : RunAsUser.administrator()).hideField(object, field);
			return this;
		}

		/** Makes an object unreadable (absent from describe, {@code INVALID_TYPE} in a query), as no Read on it does. */
		public Builder hideObject(String object) {
			this.runAs = ((this.runAs != null) ? this.runAs : RunAsUser.administrator()).hideObject(object);
			return this;
		}

		/** The SOQL parser; the default is {@link SoqlParser#parse}. */
		public Builder queryParser(BiFunction<String, SoqlSchema, SoqlQuery> soqlParser) {
			this.parser = soqlParser;
			return this;
		}

		/**
		 * Rows a sorted LoginHistory query may have between its bounds before it is answered {@code QUERY_TIMEOUT}
		 * (default {@value Faults#DEFAULT_SORTED_SCAN_LIMIT_ROWS}; 0: no limit). See {@link Faults#sortedScanLimit}.
		 */
		public Builder queryTimeoutRows(long rows) {
			this.queryTimeoutRows = rows;
			return this;
		}

		/** Server time each query and query-more page takes (default 0). */
		public Builder queryPageMs(long millis) {
			this.queryPageMs = millis;
			return this;
		}

		/**
		 * Long-running requests (in flight for {@code longRunningMs} or more) the org serves at once before it answers
		 * "ConcurrentRequests (Concurrent API Requests) Limit exceeded." (default 25 of 20 seconds, as production
		 * orgs; 0: no limit).
		 */
		public Builder concurrentRequestLimit(int limit, long longRunningMs) {
			this.concurrentRequestLimit = limit;
			this.longRunningRequestMs = longRunningMs;
			return this;
		}

		/** Three users whose data breaks careless storage ({@link AwkwardUsers}): a 300-character username, Zoë 李 Müller, an emoji. */
		public Builder awkwardUsers(boolean awkward) {
			this.awkwardUsers = awkward;
			return this;
		}

		/**
		 * Logins, licenses, assignments, usage entitlements and profile names that break careless storage
		 * ({@link AwkwardRecords}).
		 */
		public Builder awkwardRecords(boolean awkward) {
			this.awkwardRecords = awkward;
			return this;
		}

		/**
		 * Whether the org has Salesforce's daily license metrics, {@code ActiveFeatureLicenseMetric} and
		 * {@code ActivePermSetLicenseMetric} (default: yes, as orgs on API 52.0 and later). Without them both objects
		 * are absent from the global describe and a query naming one is {@code INVALID_TYPE}. See
		 * {@link LicenseMetrics} for what they count.
		 */
		public Builder licenseMetrics(boolean collected) {
			this.licenseMetrics = collected;
			return this;
		}

		public Sandbox build() {
			return new Sandbox(this);
		}

	}

}
