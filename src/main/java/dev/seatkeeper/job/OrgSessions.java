package dev.seatkeeper.job;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ProfileConnections;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceClientFactory;
import dev.seatkeeper.salesforce.SalesforceConnection;
import dev.seatkeeper.salesforce.SalesforceProperties;
import org.springframework.beans.factory.DisposableBean;

/**
 * One Salesforce client per profile for the life of the process, shared by every step and partition of its runs
 * (the client is thread-safe and keeps the profile's token and API budget). A profile with a {@code sandbox}
 * section gets an embedded simulated org, started on a loopback port the first time it is needed.
 */
public class OrgSessions implements DisposableBean {

	private final RunProfiles profiles;

	private final ProfileConnections connections;

	private final SalesforceClientFactory clients;

	private final EmbeddedOrgs embeddedOrgs;

	private final Map<String, SalesforceClient> open = new ConcurrentHashMap<>();

	public OrgSessions(RunProfiles profiles, ProfileConnections connections, SalesforceClientFactory clients,
			Clock clock, SalesforceProperties http) {
		this.profiles = profiles;
		this.connections = connections;
		this.clients = clients;
		this.embeddedOrgs = new EmbeddedOrgs(clock, http);
	}

	public SalesforceClient client(String profile) {
		return this.open.computeIfAbsent(profile, name -> this.clients.connect(connection(this.profiles.get(name))));
	}

	/** The profile's client if this process has connected it, without connecting. */
	public Optional<SalesforceClient> open(String profile) {
		return Optional.ofNullable(this.open.get(profile));
	}

	private SalesforceConnection connection(Profile profile) {
		if (profile.salesforce().isSandbox()) {
			return this.embeddedOrgs.connection(profile.name(), profile.salesforce());
		}
		return this.connections.connection(profile);
	}

	@Override
	public void destroy() {
		this.embeddedOrgs.close();
	}

}
