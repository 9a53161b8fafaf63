package dev.seatkeeper.demo;

import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.seatkeeper.job.SimulatedOrgs;
import dev.seatkeeper.profile.SalesforceSettings;
import dev.seatkeeper.profile.SalesforceSettings.SandboxSettings;
import dev.seatkeeper.salesforce.SalesforceConnection;
import dev.seatkeeper.salesforce.SalesforceProperties;
import dev.seatkeeper.salesforce.SalesforceConnection.Auth;
import dev.seatkeeper.salesforce.Secret;
import dev.seatkeeper.sandbox.Sandbox;

/**
 * Simulated orgs for profiles with a {@code sandbox} section (the demo): generated from the profile's size and seed
 * as of now, served on a loopback port for the life of the process, reached through the same client as a real org.
 */
public final class EmbeddedOrgs implements SimulatedOrgs {

	private final Clock clock;

	private final SalesforceProperties http;

	private final Map<String, Sandbox> running = new ConcurrentHashMap<>();

	public EmbeddedOrgs(Clock clock, SalesforceProperties http) {
		this.clock = clock;
		this.http = http;
	}

	@Override
	public SalesforceConnection connection(String profile, SalesforceSettings settings) {
		Sandbox sandbox = this.running.computeIfAbsent(profile, name -> start(Objects.requireNonNull(settings.sandbox(),
				"only profiles with a sandbox section are given embedded orgs (OrgSessions checks isSandbox())")));
		Auth auth = Auth.clientCredentials(sandbox.clientApp().clientId(), Secret.of(sandbox.clientApp().clientSecret()));
		return this.http.applyTo(SalesforceConnection.of(profile, URI.create(sandbox.baseUrl()), settings.apiVersion(), auth)
			.withAllowLoopback(true)
			.withApiBudgetShare(settings.apiBudgetShare()));
	}

	private Sandbox start(SandboxSettings settings) {
		return Sandbox.builder()
			.users(settings.users())
			.seed(settings.seed())
			.loginDays(settings.loginDays())
			.now(this.clock.instant().truncatedTo(ChronoUnit.SECONDS))
			.build()
			.start();
	}

	@Override
	public void close() {
		this.running.values().forEach(Sandbox::close);
		this.running.clear();
	}

}
