package dev.seatkeeper.profile;

import java.util.List;

import dev.seatkeeper.profile.SalesforceSettings.AuthSettings;
import dev.seatkeeper.salesforce.SalesforceConnection;
import dev.seatkeeper.salesforce.SalesforceProperties;
import dev.seatkeeper.salesforce.SalesforceConnection.Auth;
import dev.seatkeeper.salesforce.SalesforceConnection.Flow;
import dev.seatkeeper.salesforce.Secret;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns a real-org profile into the client's {@link SalesforceConnection}, resolving its {@code ${ENV}} references at
 * the last moment, so secret values live only in the environment and in {@link Secret}s.
 */
@Component
public class ProfileConnections {

	private final Profiles profiles;

	private final SalesforceProperties http;

	public ProfileConnections(Profiles profiles, SalesforceProperties http) {
		this.profiles = profiles;
		this.http = http;
	}

	public SalesforceConnection connection(Profile profile) {
		SalesforceSettings settings = profile.salesforce();
		if (settings.isSandbox() || settings.auth() == null) {
			throw new InvalidProfilesException(
					List.of(profile.source() + ": salesforce: an embedded sandbox org has no credentials of its own"));
		}
		SalesforceConnection connection = SalesforceConnection.of(profile.name(), settings.loginUrl(),
				settings.apiVersion(), auth(settings.auth()));
		return this.http.applyTo(new SalesforceConnection(connection.name(), connection.loginUrl(),
				connection.apiVersion(), connection.auth(), settings.allowLoopback(), settings.apiBudgetShare(),
				settings.batchSize(), connection.connectTimeout(), connection.readTimeout(), connection.retry(),
				connection.tokenLifetime()));
	}

	private Auth auth(AuthSettings auth) {
		Flow flow = switch (auth.flow()) {
			case CLIENT_CREDENTIALS -> Flow.CLIENT_CREDENTIALS;
			case REFRESH_TOKEN -> Flow.REFRESH_TOKEN;
			case JWT_BEARER -> Flow.JWT_BEARER;
		};
		String username = (auth.username() != null) ? this.profiles.resolvePlaceholders(auth.username()) : null;
		return new Auth(flow, this.profiles.resolvePlaceholders(auth.clientId()), secret(auth.clientSecret()), username,
				secret(auth.privateKey()), auth.audience());
	}

	private @Nullable Secret secret(@Nullable SecretReference reference) {
		if (reference == null) {
			return null;
		}
		String value = this.profiles.resolve(reference);
		if (value == null || value.isEmpty()) {
			throw new InvalidProfilesException(List.of("environment variable " + reference.variable() + " is not set"));
		}
		return Secret.of(value);
	}

}
