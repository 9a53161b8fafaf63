package dev.seatkeeper.salesforce.auth;

import java.time.Clock;

import dev.seatkeeper.salesforce.ApiBudget;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SalesforceConnection;
import dev.seatkeeper.salesforce.SalesforceHttp;
import dev.seatkeeper.salesforce.SalesforceTransport;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds one {@link SalesforceClient} per profile from its {@link SalesforceConnection}, on Boot's
 * {@link RestClient.Builder} (observations and customizers apply) with the connection's own timeouts, session and
 * API budget. Thread-safe; each {@link #connect} call gives a new client with a fresh budget counter.
 */
public class SalesforceClientFactory {

	private final RestClient.Builder restClientBuilder;

	private final SalesforceTokenStore tokenStore;

	private final JsonMapper json;

	private final Clock clock;

	public SalesforceClientFactory(RestClient.Builder restClientBuilder, SalesforceTokenStore tokenStore,
			JsonMapper json, Clock clock) {
		Assert.notNull(restClientBuilder, "'restClientBuilder' must not be null");
		Assert.notNull(tokenStore, "'tokenStore' must not be null");
		Assert.notNull(json, "'json' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.restClientBuilder = restClientBuilder;
		this.tokenStore = tokenStore;
		this.json = json;
		this.clock = clock;
	}

	/** A client for the connection's org; nothing is sent until the first call. */
	public SalesforceClient connect(SalesforceConnection connection) {
		ClientHttpRequestFactory requestFactory = SalesforceHttp.requestFactory(connection);
		SalesforceSession session = new SalesforceSession(connection, tokens(connection), requestFactory, this.clock);
		RestClient restClient = this.restClientBuilder.clone().requestFactory(requestFactory).build();
		ApiBudget budget = new ApiBudget(connection.name(), connection.apiBudgetShare());
		SalesforceTransport transport = new SalesforceTransport(connection.name(), restClient, session, budget,
				this.json, connection.retry());
		return new SalesforceClient(connection, transport, budget);
	}

	/** Only a refresh token must outlive the process; other flows re-authenticate and keep tokens in memory. */
	private TokenRepository tokens(SalesforceConnection connection) {
		return (connection.auth().flow() == SalesforceConnection.Flow.REFRESH_TOKEN) ? this.tokenStore
				: new InMemoryTokenRepository();
	}

}
