package dev.seatkeeper.salesforce.auth;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

import dev.seatkeeper.salesforce.NetworkFailure;
import dev.seatkeeper.salesforce.OrgAuthorizer;
import dev.seatkeeper.salesforce.SalesforceApiException;
import dev.seatkeeper.salesforce.SalesforceAuthenticationException;
import dev.seatkeeper.salesforce.SalesforceConnection;
import dev.seatkeeper.salesforce.SalesforceConnection.Auth;
import dev.seatkeeper.salesforce.Secret;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.JwtBearerOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * One profile's authorization with Salesforce, through Spring Security's non-web
 * {@link AuthorizedClientServiceOAuth2AuthorizedClientManager}: client credentials, refresh token or JWT bearer,
 * tokens in its {@link TokenRepository} (the encrypted {@link SalesforceTokenStore} for the refresh flow). {@link #authorize()} returns the stored token while it is
 * fresh and asks the token endpoint only when it has expired or was {@linkplain #invalidateAccessToken(Authorization) invalidated}.
 *
 * <p>Every token response's {@code id} tells the user the session runs as ({@link #runningUserId()}).
 *
 * <p>Thread-safe: authorization is serialized per session so parallel partitions make one token request.
 */
public final class SalesforceSession implements OrgAuthorizer {

	private static final Set<String> RETRYABLE_OAUTH_ERRORS = Set.of("server_error", "temporarily_unavailable");

	private static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";

	private final String profile;

	private final URI tokenUri;

	private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

	private final TokenRepository store;

	private final InstanceUrlPolicy instanceUrlPolicy;

	private volatile @Nullable IdentityUrl identity;

	public SalesforceSession(SalesforceConnection connection, TokenRepository store,
			ClientHttpRequestFactory requestFactory, Clock clock) {
		this.profile = connection.name();
		this.tokenUri = connection.tokenUri();
		this.store = store;
		this.instanceUrlPolicy = new InstanceUrlPolicy(connection.name(), connection.allowLoopback());
		RestClient tokenRestClient = TokenEndpoint.restClient(requestFactory, connection.tokenLifetime());
		ClientRegistration registration = registration(connection);
		InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
		this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
				new StoredAuthorizedClientService(registrations, store));
		this.manager.setAuthorizedClientProvider(provider(connection, tokenRestClient, clock));
	}

	/**
	 * A valid access token and the instance URL to use it on.
	 * @throws SalesforceAuthenticationException when Salesforce refuses ({@code invalid_grant}) or nothing is stored
	 * for the refresh flow; never retryable
	 * @throws SalesforceApiException a retryable one when the token endpoint is unreachable or answers 5xx
	 */
	@Override
	public synchronized Authorization authorize() {
		OAuth2AuthorizedClient client;
		try {
			client = this.manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(this.profile)
				.principal(this.profile)
				.build());
		}
		catch (OAuth2AuthorizationException ex) {
			throw translate(ex);
		}
		if (client == null) {
			throw SalesforceAuthenticationException.notAuthorized(this.profile);
		}
		URI instanceUrl = this.store.load(this.profile)
			.map(StoredAuthorization::instanceUrl)
			.orElseThrow(() -> SalesforceAuthenticationException.notAuthorized(this.profile));
		return new Authorization(Secret.of(client.getAccessToken().getTokenValue()),
				this.instanceUrlPolicy.validate(instanceUrl));
	}

	/**
	 * The Id of the user this session's tokens run as, from the {@code id} of the latest token response. A token
	 * stored by an earlier process came without one in this process, so it is renewed once to learn it.
	 * @throws SalesforceApiException as {@link #authorize()} does, or when Salesforce named no user
	 */
	@Override
	public synchronized String runningUserId() {
		if (this.identity == null) {
			authorize();
		}
		if (this.identity == null) {
			this.store.invalidateAccessToken(this.profile);
			authorize();
		}
		IdentityUrl known = this.identity;
		if (known == null) {
			throw new SalesforceApiException("NO_IDENTITY", 0, false, "The token response for profile '" + this.profile
					+ "' carried no id URL naming the user it runs as", null);
		}
		return known.userId();
	}

	/**
	 * Forgets the access token Salesforce rejected; the refresh token stays for the next authorization. When another
	 * thread already replaced that token, nothing happens, so partitions sharing a session do not renew in turn.
	 */
	@Override
	public synchronized void invalidateAccessToken(Authorization rejected) {
		String stored = this.store.load(this.profile)
			.map(StoredAuthorization::accessToken)
			.map((token) -> token.getTokenValue())
			.orElse(null);
		if (rejected.accessToken().reveal().equals(stored)) {
			this.store.invalidateAccessToken(this.profile);
		}
	}

	private SalesforceApiException translate(OAuth2AuthorizationException ex) {
		String code = ex.getError().getErrorCode();
		String network = NetworkFailure.cause(ex);
		if (network != null) {
			return new SalesforceApiException("TOKEN_ENDPOINT_UNAVAILABLE", 0, true, "Cannot reach the Salesforce token"
					+ " endpoint " + this.tokenUri + " of profile '" + this.profile + "': " + network, ex);
		}
		if (RETRYABLE_OAUTH_ERRORS.contains(code) || isTransient(ex)) {
			return new SalesforceApiException("TOKEN_ENDPOINT_UNAVAILABLE", 0, true, "The Salesforce token endpoint "
					+ this.tokenUri + " of profile '" + this.profile + "' is unavailable (" + code + ")", null);
		}
		if (INVALID_TOKEN_RESPONSE.equals(code)) {
			// Spring's description may quote the response body, which can hold a token: never pass it on.
			return SalesforceAuthenticationException.refused(this.profile, code,
					"the token endpoint did not answer with a usable token response", null);
		}
		return SalesforceAuthenticationException.refused(this.profile, code, ex.getError().getDescription(), null);
	}

	private static boolean isTransient(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ResourceAccessException
					|| (cause instanceof RestClientResponseException response && response.getStatusCode().is5xxServerError())) {
				return true;
			}
		}
		return false;
	}

	private static ClientRegistration registration(SalesforceConnection connection) {
		Auth auth = connection.auth();
		ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(connection.name())
			.clientId(auth.clientId())
			.tokenUri(connection.tokenUri().toString());
		if (auth.clientSecret() != null) {
			builder.clientSecret(auth.clientSecret().reveal())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
		}
		else {
			builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		}
		return switch (auth.flow()) {
			case CLIENT_CREDENTIALS -> builder.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();
			case JWT_BEARER -> builder.authorizationGrantType(AuthorizationGrantType.JWT_BEARER)
				.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
				.build();
			case REFRESH_TOKEN -> builder.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationUri(connection.authorizationUri().toString())
				.redirectUri(AuthorizationCodeExchange.DEFAULT_REDIRECT_URI)
				.build();
		};
	}

	private OAuth2AuthorizedClientProvider provider(SalesforceConnection connection, RestClient tokenRestClient,
			Clock clock) {
		return switch (connection.auth().flow()) {
			case CLIENT_CREDENTIALS -> {
				ClientCredentialsOAuth2AuthorizedClientProvider provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
				provider.setAccessTokenResponseClient(tokenClient(tokenRestClient));
				provider.setClock(clock);
				yield provider;
			}
			case REFRESH_TOKEN -> {
				RefreshTokenOAuth2AuthorizedClientProvider provider = new RefreshTokenOAuth2AuthorizedClientProvider();
				provider.setAccessTokenResponseClient(tokenClient(tokenRestClient));
				provider.setClock(clock);
				yield provider;
			}
			case JWT_BEARER -> {
				Auth auth = connection.auth();
				// Auth's constructor refuses the JWT bearer flow without a key and a username.
				JwtBearerAssertions assertions = new JwtBearerAssertions(Objects.requireNonNull(auth.privateKeyPem()),
						auth.clientId(), Objects.requireNonNull(auth.username()), auth.jwtAudience(connection.loginUrl()),
						clock);
				JwtBearerOAuth2AuthorizedClientProvider provider = new JwtBearerOAuth2AuthorizedClientProvider();
				provider.setAccessTokenResponseClient(tokenClient(tokenRestClient));
				provider.setJwtAssertionResolver((context) -> assertions.next());
				provider.setClock(clock);
				yield provider;
			}
		};
	}

	/** Token requests for any grant, their instance URL validated and stored before Spring stores the tokens. */
	private <T extends AbstractOAuth2AuthorizationGrantRequest> OAuth2AccessTokenResponseClient<T> tokenClient(
			RestClient tokenRestClient) {
		return new InstanceUrlRecordingTokenResponseClient<>(TokenEndpoint.client(tokenRestClient),
				this.instanceUrlPolicy, this.store, (id) -> this.identity = IdentityUrl.parse(id));
	}

}
