package dev.seatkeeper.demo;

import java.util.List;

import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.auth.ClientApp;
import dev.seatkeeper.sandbox.fault.Faults;
import dev.seatkeeper.sandbox.org.OrgSpec;
import dev.seatkeeper.sandbox.org.Permission;

/**
 * The org the {@code sandbox} command serves: built from the command's options, served on 127.0.0.1 until closed.
 * The command line knows only these options and defaults; what they mean to the simulator stays here.
 */
public final class StandaloneSandbox implements AutoCloseable {

	public static final int DEFAULT_USERS = OrgSpec.DEFAULT_USERS;

	public static final long DEFAULT_SEED = OrgSpec.DEFAULT_SEED;

	public static final int DEFAULT_LOGIN_DAYS = OrgSpec.DEFAULT_LOGIN_DAYS;

	public static final String DEFAULT_CLIENT_ID = ClientApp.DEFAULT_CLIENT_ID;

	public static final String DEFAULT_CLIENT_SECRET = ClientApp.DEFAULT_CLIENT_SECRET;

	public static final long DEFAULT_QUERY_TIMEOUT_ROWS = Faults.DEFAULT_SORTED_SCAN_LIMIT_ROWS;

	public static final int DEFAULT_CONCURRENT_LIMIT = Faults.DEFAULT_CONCURRENT_REQUEST_LIMIT;

	public static final long DEFAULT_LONG_RUNNING_MS = Faults.DEFAULT_LONG_RUNNING_REQUEST_MS;

	private final Sandbox sandbox;

	private StandaloneSandbox(Sandbox sandbox) {
		this.sandbox = sandbox;
	}

	/**
	 * Builds and starts the org the options describe.
	 * @throws IllegalArgumentException naming the option when a hidden field or withheld permission is malformed
	 */
	public static StandaloneSandbox start(Options options) {
		return new StandaloneSandbox(build(options).start());
	}

	/** The sandbox the options describe, not started. */
	public static Sandbox build(Options options) {
		Sandbox.Builder builder = Sandbox.builder()
			.users(options.users())
			.seed(options.seed())
			.loginDays(options.loginDays())
			.port(options.port())
			.client(options.clientId(), options.clientSecret())
			.apiLimit(options.apiLimit())
			.genericLoginHost(options.genericLoginHost())
			.salesforceSandbox(options.salesforceSandbox())
			.queryTimeoutRows(options.queryTimeoutRows())
			.queryPageMs(options.queryPageMs())
			.concurrentRequestLimit(options.concurrentLimit(), options.longRunningMs())
			.awkwardUsers(options.awkwardUsers())
			.awkwardRecords(options.awkwardRecords())
			.licenseMetrics(options.licenseMetrics());
		for (String field : options.hiddenFields()) {
			int dot = field.indexOf('.');
			if (dot <= 0 || dot == field.length() - 1) {
				throw new IllegalArgumentException(
						"--hide-field wants OBJECT.FIELD, e.g. User.UserPermissionsKnowledgeUser; got '" + field + "'");
			}
			builder.hideField(field.substring(0, dot), field.substring(dot + 1));
		}
		for (String permission : options.withheldPermissions()) {
			try {
				builder.withhold(Permission.parse(permission));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("--withhold-permission: " + ex.getMessage(), ex);
			}
		}
		Sandbox sandbox = builder.build();
		sandbox.faults().latency(options.latencyMs()).chaos(options.faults());
		return sandbox;
	}

	public String orgId() {
		return this.sandbox.org().orgId();
	}

	public String baseUrl() {
		return this.sandbox.baseUrl();
	}

	public String tokenUrl() {
		return this.sandbox.tokenUrl();
	}

	@Override
	public void close() {
		this.sandbox.close();
	}

	/** The {@code sandbox} command's options, as its help describes them. */
	public record Options(int users, int port, long seed, int loginDays, long latencyMs, boolean faults, String clientId,
			String clientSecret, long apiLimit, boolean genericLoginHost, boolean salesforceSandbox,
			List<String> hiddenFields, List<String> withheldPermissions, long queryTimeoutRows, long queryPageMs,
			int concurrentLimit, long longRunningMs, boolean awkwardUsers, boolean awkwardRecords,
			boolean licenseMetrics) {
	}

}
