package dev.seatkeeper.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark org: its size, days of login history, Salesforce latency and the job's JVM options. Sizes come from
 * {@code -Dbench.sizes=5000,100000,1000000}; the login days follow the issue (180 days, 7 for a million users). A
 * latency run comes from {@code -Dbench.latency=USERS@MS} (empty for none) and checks that the backfill's cursors
 * really run at once. {@code -Dbench.compression=false} runs the job without compressed answers (the "before" of the
 * bytes received).
 */
record Scenario(int users, int loginDays, long latencyMs, int cursors, List<String> jobJvmOptions, boolean latencyCheck,
		boolean compression) {

	static final int MILLION = 1_000_000;

	static List<Scenario> fromSystemProperties() {
		List<String> jvm = List.of(System.getProperty("bench.jobJvmOptions", "-Xmx512m").trim().split("\\s+"));
		int cursors = Integer.parseInt(System.getProperty("bench.cursors", "4"));
		boolean compression = !"false".equals(System.getProperty("bench.compression", "true").trim());
		List<Scenario> scenarios = new ArrayList<>();
		for (String size : System.getProperty("bench.sizes", "5000,100000,1000000").split(",")) {
			if (!size.isBlank()) {
				int users = Integer.parseInt(size.trim().replace("_", ""));
				scenarios.add(new Scenario(users, (users >= MILLION) ? 7 : 180, 0, cursors, jvm, false,
						compression));
			}
		}
		String latency = System.getProperty("bench.latency", "").trim();
		if (!latency.isEmpty()) {
			String[] parts = latency.split("@");
			scenarios.add(new Scenario(Integer.parseInt(parts[0].trim()), 180, Long.parseLong(parts[1].trim()), cursors,
					jvm, true, compression));
		}
		return scenarios;
	}

	/** The first night reads one day more than the org holds, so the backfill sees all of its history. */
	int backfillDays() {
		return this.loginDays + 1;
	}

	String databaseName() {
		return "seatkeeper_bench_" + this.users + ((this.latencyMs > 0) ? "_lat" + this.latencyMs : "");
	}

}
