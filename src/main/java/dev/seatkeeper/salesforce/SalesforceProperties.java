package dev.seatkeeper.salesforce;

import java.time.Duration;

import dev.seatkeeper.salesforce.SalesforceConnection.RetrySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP settings every org connection shares ({@code seatkeeper.salesforce.*}): timeouts, how 5xx answers and I/O
 * timeouts are retried (exponential backoff with jitter), and how long a token is trusted when Salesforce does not
 * say ({@code expires_in} is never sent), and whether answers are asked for compressed ({@code compression}, on by
 * default; off only to measure what compression saves).
 */
@ConfigurationProperties("seatkeeper.salesforce")
public record SalesforceProperties(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("120s") Duration readTimeout,
		@DefaultValue("4") int retryMaxAttempts, @DefaultValue("1s") Duration retryInitialBackoff,
		@DefaultValue("30s") Duration retryMaxBackoff, @DefaultValue("15m") Duration tokenLifetime,
		@DefaultValue("true") boolean compression) {

	public RetrySettings retry() {
		return new RetrySettings(this.retryMaxAttempts, this.retryInitialBackoff, this.retryMaxBackoff);
	}

	/** The connection with these settings in place of its defaults. */
	public SalesforceConnection applyTo(SalesforceConnection connection) {
		return new SalesforceConnection(connection.name(), connection.loginUrl(), connection.apiVersion(),
				connection.auth(), connection.allowLoopback(), connection.apiBudgetShare(), connection.batchSize(),
				this.connectTimeout, this.readTimeout, retry(), this.tokenLifetime, this.compression);
	}

}
