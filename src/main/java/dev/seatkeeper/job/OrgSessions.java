package dev.seatkeeper.job;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ProfileConnections;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.auth.SalesforceClientFactory;
import dev.seatkeeper.salesforce.SalesforceConnection;

/**
 * One Salesforce client per profile for the life of the process, shared by every step and partition of its runs
 * (the client is thread-safe and keeps the profile's token and API budget). A profile with a {@code sandbox}
 * section gets an embedded simulated org, started on a loopback port the first time it is needed.
 */
public class OrgSessions {

	private final ProfileConnections connections;

	private final SalesforceClientFactory clients;

	private final SimulatedOrgs simulatedOrgs;

	private final Map<String, SalesforceClient> open = new ConcurrentHashMap<>();

	public OrgSessions(ProfileConnections connections, SalesforceClientFactory clients, SimulatedOrgs simulatedOrgs) {
		this.connections = connections;
		this.clients = clients;
		this.simulatedOrgs = simulatedOrgs;
	}

	/** The profile's client, connected the first time a run of it asks; later runs in this process share it. */
	public SalesforceClient client(Profile profile) {
		return this.open.computeIfAbsent(profile.name(), name -> this.clients.connect(connection(profile)));
	}

	/** The profile's client if this process has connected it, without connecting. */
	public Optional<SalesforceClient> open(String profile) {
		return Optional.ofNullable(this.open.get(profile));
	}

	private SalesforceConnection connection(Profile profile) {
		if (profile.salesforce().isSandbox()) {
			return this.simulatedOrgs.connection(profile.name(), profile.salesforce());
		}
		return this.connections.connection(profile);
	}

}
