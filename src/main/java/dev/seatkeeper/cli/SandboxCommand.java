package dev.seatkeeper.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.seatkeeper.demo.StandaloneSandbox;
import dev.seatkeeper.job.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code seatkeeper sandbox}: serves a generated org over plain HTTP on 127.0.0.1 until the process is killed.
 * Runs without Spring (no database is needed): {@link SpringlessCommands} starts it directly.
 */
@Command(name = SandboxCommand.NAME, mixinStandardHelpOptions = true,
		description = { "Serve a simulated Salesforce org (REST API, OAuth, faults) on 127.0.0.1 until killed.",
				"Admin endpoints: GET/POST /__sandbox/faults, GET/DELETE /__sandbox/requests, GET /__sandbox/facts." })
public class SandboxCommand implements Callable<Integer> {

	public static final String NAME = "sandbox";

	/** Plain HTTP, despite the number: 8443 is what the demo profile and the README point at. */
	public static final int DEFAULT_PORT = 8443;

	@Spec
	private CommandSpec spec;

	@Option(names = "--users", defaultValue = "" + StandaloneSandbox.DEFAULT_USERS, description = "Users to generate (default: ${DEFAULT-VALUE}).")
	int users;

	@Option(names = "--port", defaultValue = "" + DEFAULT_PORT, description = "Port on 127.0.0.1, plain HTTP; 0 takes a free one (default: ${DEFAULT-VALUE}).")
	int port;

	@Option(names = "--seed", defaultValue = "" + StandaloneSandbox.DEFAULT_SEED, description = "Random seed; equal seeds give equal orgs (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--login-days", defaultValue = "" + StandaloneSandbox.DEFAULT_LOGIN_DAYS, description = "Days of login history (default: ${DEFAULT-VALUE}).")
	int loginDays;

	@Option(names = "--latency-ms", defaultValue = "0", description = "Delay added to every call (default: ${DEFAULT-VALUE}).")
	long latencyMs;

	@Option(names = "--faults", description = "Chaos mix: +25 ms every call, +1.5 s every 41st, 503 every 97th, "
			+ "query locators expire every 307th and sessions every 499th call.")
	boolean faults;

	@Option(names = "--client-id", defaultValue = StandaloneSandbox.DEFAULT_CLIENT_ID, description = "Connected app consumer key (default: ${DEFAULT-VALUE}).")
	String clientId;

	@Option(names = "--client-secret", defaultValue = StandaloneSandbox.DEFAULT_CLIENT_SECRET, description = "Consumer secret (default: the documented sandbox-secret).", showDefaultValue = CommandLine.Help.Visibility.NEVER)
	String clientSecret;

	@Option(names = "--api-limit", defaultValue = "0", description = "Daily API request limit; 0 uses Enterprise Edition's formula.")
	long apiLimit;

	@Option(names = "--generic-login-host", description = "Play login.salesforce.com rather than the org's My Domain: "
			+ "client credentials are refused ('request not supported on this domain').")
	boolean genericLoginHost;

	@Option(names = "--salesforce-sandbox", description = "Play a Salesforce sandbox org: JWT bearer audience "
			+ "https://test.salesforce.com instead of https://login.salesforce.com.")
	boolean salesforceSandbox;

	@Option(names = "--hide-field", paramLabel = "OBJECT.FIELD", description = "Drop a field from the object's "
			+ "describe and queries (an org without the feature, or field-level security); repeatable, e.g. "
			+ "User.UserPermissionsKnowledgeUser.")
	List<String> hiddenFields = new ArrayList<>();

	@Option(names = "--withhold-permission", paramLabel = "PERMISSION", description = "Take a system permission from "
			+ "the integration user; repeatable. One of: ManageUsers, MonitorLoginHistory, ViewSetup, "
			+ "AssignPermissionSets, ManagePackageLicenses.")
	List<String> withheldPermissions = new ArrayList<>();

	@Option(names = "--query-timeout-rows", defaultValue = "" + StandaloneSandbox.DEFAULT_QUERY_TIMEOUT_ROWS, description = "Rows a sorted LoginHistory query may scan before it gets QUERY_TIMEOUT; 0: no limit (default: ${DEFAULT-VALUE}).")
	long queryTimeoutRows;

	@Option(names = "--query-page-ms", defaultValue = "0", description = "Server time each query page takes (default: ${DEFAULT-VALUE}).")
	long queryPageMs;

	@Option(names = "--concurrent-limit", defaultValue = "" + StandaloneSandbox.DEFAULT_CONCURRENT_LIMIT, description = "Long-running requests served at once before ConcurrentRequests is answered; 0: no limit (default: ${DEFAULT-VALUE}).")
	int concurrentLimit;

	@Option(names = "--long-running-ms", defaultValue = "" + StandaloneSandbox.DEFAULT_LONG_RUNNING_MS, description = "How long a request runs before it counts against --concurrent-limit (default: ${DEFAULT-VALUE}).")
	long longRunningMs;

	@Option(names = "--awkward-users", description = "Three users whose data breaks careless storage: a 300-character "
			+ "username, the name Zoë 李 Müller and a name with an emoji.")
	boolean awkwardUsers;

	@Option(names = "--awkward-records", description = "Logins, licenses, assignments, usage entitlements and profile "
			+ "names that break careless storage: too long for Salesforce's fields, a broken date, a number no column "
			+ "holds, emoji at a length limit.")
	boolean awkwardRecords;

	@Option(names = "--no-license-metrics", description = "Play an org without ActiveFeatureLicenseMetric and "
			+ "ActivePermSetLicenseMetric (before API 52.0): both absent from the global describe, INVALID_TYPE when queried.")
	boolean noLicenseMetrics;

	private final CountDownLatch stopped = new CountDownLatch(1);

	/** The sandbox command line with the project's exit codes. */
	public static CommandLine commandLine() {
		return SeatkeeperCommandLine.withExitCodes(new CommandLine(new SandboxCommand()));
	}

	@Override
	public Integer call() throws InterruptedException {
		PrintWriter out = this.spec.commandLine().getOut();
		StandaloneSandbox sandbox = start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			sandbox.close();
			this.stopped.countDown();
		}, "sandbox-shutdown"));
		out.println("Sandbox org " + sandbox.orgId() + " with " + this.users + " users (seed " + this.seed + ")");
		out.println("Base URL:  " + sandbox.baseUrl());
		out.println("Token URL: " + sandbox.tokenUrl());
		out.println("Client credentials: client_id=" + this.clientId + " client_secret="
				+ (StandaloneSandbox.DEFAULT_CLIENT_SECRET.equals(this.clientSecret) ? this.clientSecret : "(as given)"));
		out.println("Try: curl -d grant_type=client_credentials -d client_id=" + this.clientId
				+ " -d client_secret=... " + sandbox.tokenUrl());
		out.flush();
		this.stopped.await();
		return ExitCode.OK.code();
	}

	/** What the options say, for the simulator. */
	StandaloneSandbox.Options options() {
		return new StandaloneSandbox.Options(this.users, this.port, this.seed, this.loginDays, this.latencyMs, this.faults,
				this.clientId, this.clientSecret, this.apiLimit, this.genericLoginHost, this.salesforceSandbox,
				List.copyOf(this.hiddenFields), List.copyOf(this.withheldPermissions), this.queryTimeoutRows,
				this.queryPageMs, this.concurrentLimit, this.longRunningMs, this.awkwardUsers, this.awkwardRecords,
				!this.noLicenseMetrics);
	}

	private StandaloneSandbox start() {
		try {
			return StandaloneSandbox.start(options());
		}
		catch (IllegalArgumentException ex) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
		}
	}

}
