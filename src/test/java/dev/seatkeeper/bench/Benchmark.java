package dev.seatkeeper.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.seatkeeper.bench.JobProcess.JobRun;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark ({@code ./mvnw -Pbench verify}): for each scenario, a sandbox org in its own JVM, a fresh database,
 * the first night (backfill) and a second night with one more day of logins, each job in its own JVM; then one table
 * of figures. Not a test: it asserts nothing and prints what it measured.
 *
 * <p>Settings (system properties): {@code bench.sizes} (users, comma separated), {@code bench.latency}
 * ({@code USERS@MS}, empty for none), {@code bench.jobJvmOptions}, {@code bench.cursors}, {@code bench.seed},
 * {@code bench.db} (server URL), {@code bench.jfr} (record each night with JFR and print the hot methods),
 * {@code bench.keepDatabases}, {@code bench.secondNight} ({@code false}: the first night only),
 * {@code bench.compression} ({@code false}: the job asks for no compressed answers, to measure the bytes before),
 * {@code bench.help} (starts per command for the {@code --help}/{@code --version} times printed first; 0: none).
 * After the first night, the floor its login backfill is held to ({@link LoadFloor}).
 */
public final class Benchmark {

	private final Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));

	private final Path jar = Path.of(System.getProperty("bench.jar", "target/seatkeeper.jar")).toAbsolutePath();

	private final String server = System.getProperty("bench.db", "jdbc:mysql://127.0.0.1:3306");

	private final long seed = Long.getLong("bench.seed", 42);

	private final boolean jfr = Boolean.getBoolean("bench.jfr");

	private final PrintStream out = System.out;

	private final Report report = new Report(this.out);

	public static void main(String[] args) throws Exception {
		new Benchmark().runAll(Scenario.fromSystemProperties());
	}

	private void runAll(List<Scenario> scenarios) throws Exception {
		if (!Files.isRegularFile(this.jar)) {
			throw new IllegalStateException(this.jar + " is missing: run ./mvnw -Pbench verify (it packages first)");
		}
		this.out.printf("Seatkeeper benchmark: %d cores, %,d MB max memory of this JVM, server %s (%s), seed %d%n",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, this.server,
				BenchDatabase.describeServer(this.server), this.seed);
		int helpRuns = Integer.getInteger("bench.help", 5);
		if (helpRuns > 0) {
			HelpTimes.print(this.java, this.jar, helpRuns, this.out);
		}
		for (Scenario scenario : scenarios) {
			run(scenario);
		}
	}

	private void run(Scenario scenario) throws Exception {
		Path workDir = Files.createTempDirectory("seatkeeper-bench-" + scenario.users() + "-");
		this.out.printf("%n%s: starting the sandbox (%,d users) in %s%n", Instant.now(), scenario.users(), workDir);
		BenchDatabase database = new BenchDatabase(this.server, scenario.databaseName());
		database.recreate();
		Path app = ImageLayout.assemble(this.java, this.jar, workDir);
		try (SandboxProcess sandbox = SandboxProcess.start(this.java, this.jar, scenario, this.seed, workDir)) {
			Path profiles = Files.createDirectories(workDir.resolve("profiles"));
			Files.writeString(profiles.resolve("bench.yaml"), profileYaml(scenario, sandbox.baseUrl()));
			long loginEvents = sandbox.facts().path("loginEvents").asLong();
			// Yesterday, then today: a real-org profile may start a new run for those two dates only (the job reads the
			// org as it is now; the date is the night's label).
			LocalDate runDate = LocalDate.now(ZoneOffset.UTC).minusDays(1);

			Night first = night("first night", scenario, sandbox, database, app, profiles, runDate, workDir);
			if (scenario.latencyCheck()) {
				this.report.printLatencyCheck(scenario, first, database.loginPages());
			}
			LoadFloor.Figures floor = (first.run().exitCode() == 0)
					? LoadFloor.measure(this.server, scenario.databaseName(), workDir) : null;
			List<Night> nights = new ArrayList<>(List.of(first));
			if (first.run().exitCode() == 0 && !"false".equals(System.getProperty("bench.secondNight"))) {
				long added = addOneDayOfLogins(scenario, sandbox, database, loginEvents);
				nights.add(night("second night (+" + String.format("%,d", added) + " logins)", scenario, sandbox, database,
						app, profiles, runDate.plusDays(1), workDir));
			}
			this.report.print(scenario, loginEvents, nights);
			this.report.printFloor(floor, first);
			if (this.jfr) {
				for (Night night : nights) {
					HotMethods.print(night.run().recording(), this.out);
				}
			}
		}
		finally {
			if (!Boolean.getBoolean("bench.keepDatabases")) {
				database.drop();
			}
		}
	}

	private Night night(String label, Scenario scenario, SandboxProcess sandbox, BenchDatabase database, Path app,
			Path profiles, LocalDate runDate, Path workDir) throws Exception {
		sandbox.clearRequests();
		String name = "night-" + runDate;
		Optional<ProcessHandle> server = CpuTime.localDatabaseServer();
		Duration waited = server.map(process -> CpuTime.awaitQuiet(process, Duration.ofMinutes(2))).orElse(Duration.ZERO);
		this.out.printf("%s: %s, run date %s (after %d s for the database server to go quiet)%n", Instant.now(), label,
				runDate, waited.toSeconds());
		double load = CpuTime.loadAverage();
		Duration sandboxBefore = sandbox.cpu();
		Duration serverBefore = server.map(CpuTime::of).orElse(Duration.ZERO);
		JobRun run = JobProcess.run(this.java, app, scenario.jobJvmOptions(), database, profiles, runDate, workDir,
				name, this.jfr, scenario.compression());
		CpuTime.Spent cpu = new CpuTime.Spent(seconds(run.cpu()), seconds(sandbox.cpu().minus(sandboxBefore)),
				server.map(process -> seconds(CpuTime.of(process).minus(serverBefore))).orElse(Double.NaN), load);
		Instant firstCall = sandbox.firstRequestAt();
		Duration toFirstCall = (firstCall != null) ? Duration.between(run.startedAt(), firstCall) : null;
		long apiCalls = sandbox.apiCalls();
		long bytesReceived = sandbox.responseBytes();
		if (run.exitCode() != 0) {
			this.out.printf("the job exited with %d; its output: %s%n", run.exitCode(), run.output());
		}
		var steps = database.steps();
		long loginsRead = read(steps, "pullActivity");
		long[] aggregatePages = database.recordActivityPages();
		// recordActivity: the aggregate pages its queries needed, plus the global describe that tells readable objects.
		long recordActivityNeeded = (steps.stream().anyMatch(step -> step.name().equals("recordActivity")))
				? aggregatePages[1] + 1 : 0;
		return new Night(label, run, "exit " + run.exitCode() + ", " + database.exitMessage(), steps, loginsRead, apiCalls,
				pagesNeeded(sandbox.facts(), read(steps, "downloadSubscriptions"), database.loginPages())
						+ recordActivityNeeded,
				cpu, bytesReceived, toFirstCall, aggregatePages);
	}

	private static long read(List<BenchDatabase.StepFigures> steps, String step) {
		return steps.stream().filter(figures -> figures.name().equals(step)).mapToLong(figures -> figures.read()).sum();
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	/**
	 * The fewest calls a run can make: one page per 2,000 records of each query, at least one per query (one per
	 * login-history window), plus Organization, two /limits reads and the four small license and usage queries.
	 * Users count as read: every user on a sweep night, the changed ones between sweeps.
	 */
	private static long pagesNeeded(JsonNode facts, long usersRead, long loginPages) {
		return Pages.of(usersRead) + Pages.of(sum(facts.path("assignmentsByPermissionSetLicense")))
				+ Pages.of(sum(facts.path("assignmentsByPackage"))) + loginPages + 1 + 2 + 4;
	}

	private static long sum(JsonNode counts) {
		long sum = 0;
		for (JsonNode count : counts) {
			sum += count.asLong();
		}
		return sum;
	}

	/** An average day of the org's history, spread over active users between the watermark and now. */
	private long addOneDayOfLogins(Scenario scenario, SandboxProcess sandbox, BenchDatabase database, long loginEvents)
			throws Exception {
		List<String> users = database.activeUserIds();
		Instant from = database.loginWatermark().plusSeconds(1);
		Instant to = Instant.now().minusSeconds(1);
		long span = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
		int count = (int) Math.round((double) loginEvents / scenario.loginDays());
		this.out.printf("%s: recording %,d logins for the second night%n", Instant.now(), count);
		// The sandbox's history only grows forward, and one request at a time crawls (about 100 a second): so the
		// logins go in time buckets, each bucket's logins sharing one second and sent at once, bucket after bucket.
		int buckets = Math.max(1, Math.min(count, 120));
		ExecutorService posters = Executors.newFixedThreadPool(24);
		try {
			for (int bucket = 0; bucket < buckets; bucket++) {
				Instant time = from.plusSeconds(bucket * span / buckets);
				List<Callable<Void>> logins = new ArrayList<>();
				for (int i = (int) ((long) bucket * count / buckets); i < (long) (bucket + 1) * count / buckets; i++) {
					String user = users.get((int) ((i * 7919L) % users.size()));
					logins.add(() -> {
						sandbox.recordLogin(user, time);
						return null;
					});
				}
				for (Future<Void> done : posters.invokeAll(logins)) {
					done.get();
				}
			}
		}
		finally {
			posters.shutdown();
		}
		Thread.sleep(1000);
		return count;
	}

	private static String profileYaml(Scenario scenario, String baseUrl) {
		return """
				name: %s
				displayName: Benchmark org
				status: published
				salesforce:
				  loginUrl: %s
				  allowLoopback: true
				  apiVersion: "62.0"
				  apiBudgetShare: 1.0
				  auth:
				    flow: client-credentials
				    clientId: seatkeeper-sandbox
				    clientSecret: ${SANDBOX_CLIENT_SECRET}
				activity:
				  backfillDays: %d
				  windowDays: 30
				  concurrentCursors: %d
				  records:
				    objects:
				      UserLicense:AUL: [Account, Contact, Project__c]
				entitlements:
				  licenses:
				    - model: UserLicense:SFDC
				      label: Sales Cloud Enterprise
				      quantity: %d
				      unitPrice: 165
				      currency: USD
				reclamation:
				  mode: detect
				  rules:
				    - name: inactive-sales-users
				      appliesTo: [UserLicense:SFDC, PermissionSetLicense:SalesConsoleUser]
				      lastActivityThresholdDays: 60
				      action: deactivate
				""".formatted(BenchDatabase.PROFILE, baseUrl, scenario.backfillDays(), scenario.cursors(),
				scenario.users() / 2);
	}

}
