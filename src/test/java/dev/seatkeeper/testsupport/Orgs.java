package dev.seatkeeper.testsupport;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.seatkeeper.sandbox.Sandbox;

/**
 * Simulated orgs for tests that run the job in its own process: generated as of now (whole seconds, as Salesforce
 * stores times), so the process's run date and the org's logins agree. Set size, seed and history on the builder:
 * {@code anOrg().users(600).seed(3).loginDays(90).build().start()}.
 */
public final class Orgs {

	private Orgs() {
	}

	public static Sandbox.Builder anOrg() {
		return Sandbox.builder().now(Instant.now().truncatedTo(ChronoUnit.SECONDS));
	}

}
