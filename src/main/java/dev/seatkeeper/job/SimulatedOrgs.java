package dev.seatkeeper.job;

import dev.seatkeeper.profile.SalesforceSettings;
import dev.seatkeeper.salesforce.SalesforceConnection;

/**
 * Where profiles with a {@code sandbox} section (the demo) find their org: a simulated one, started on a loopback
 * port the first time it is needed and served for the life of the process. The {@code demo} package provides it, so
 * the job never knows the simulator. Thread-safe.
 */
public interface SimulatedOrgs extends AutoCloseable {

	/** The connection to the profile's simulated org, starting it on first use. */
	SalesforceConnection connection(String profile, SalesforceSettings settings);

	/** Stops every org this process started. */
	@Override
	void close();

}
