package dev.seatkeeper.salesforce;

import java.net.URI;
import java.time.Duration;

import dev.seatkeeper.sandbox.Sandbox;

/** A real client for a test's sandbox, for tests outside this package that drive code taking a {@link SalesforceClient}. */
public final class SandboxClients {

	private SandboxClients() {
	}

	/** Connects with client credentials, as a profile reaching the sandbox would; tokens live in a fresh H2 store. */
	public static SalesforceClient connect(Sandbox sandbox) {
		return connect(sandbox, SalesforceConnection.DEFAULT_READ_TIMEOUT);
	}

	/** As {@link #connect(Sandbox)}, giving up on an answer after {@code readTimeout}. */
	public static SalesforceClient connect(Sandbox sandbox, Duration readTimeout) {
		SalesforceConnection connection = SalesforceConnection
			.of("acme", URI.create(sandbox.baseUrl()), "62.0",
					SalesforceConnection.Auth.clientCredentials(sandbox.clientApp().clientId(),
							Secret.of(sandbox.clientApp().clientSecret())))
			.withAllowLoopback(true)
			.withRetry(SalesforceFixtures.FAST_RETRY)
			.withReadTimeout(readTimeout);
		return SalesforceFixtures.factory(SalesforceFixtures.h2Store()).connect(connection);
	}

}
