package dev.seatkeeper.salesforce.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import dev.seatkeeper.salesforce.SalesforceAuthenticationException;
import dev.seatkeeper.salesforce.SalesforceConnection;
import dev.seatkeeper.salesforce.SalesforceHttp;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The authorization-code bootstrap of the refresh flow, for {@code auth login}: the URL to open in a browser, and the
 * exchange of the returned code for tokens, which are validated ({@code instance_url}) and saved in the token store.
 * From then on the profile's client refreshes by itself. Stateless and thread-safe.
 */
public final class AuthorizationCodeExchange {

	/** The redirect URI the Salesforce CLI uses; register it on the connected app or pass your own. */
	public static final String DEFAULT_REDIRECT_URI = "http://localhost:1717/OauthRedirect";

	/** What the job needs: the REST API, and a refresh token that keeps working while nobody is logged in. */
	public static final String SCOPES = "api refresh_token offline_access";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SalesforceTokenStore store;

	public AuthorizationCodeExchange(SalesforceTokenStore store) {
		this.store = store;
	}

	/** A fresh PKCE pair: send {@link Pkce#challenge()} with the authorization URL, the verifier with the code. */
	public static Pkce newPkce() {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Fails before anyone opens a browser when the tokens could not be stored afterwards.
	 * @throws TokenKeyException when the token encryption key is missing or malformed
	 */
	public void requireTokenStore() {
		this.store.requireKey();
	}

	/** The {@code /services/oauth2/authorize} URL to send the user to, with PKCE when a challenge is given. */
	public URI authorizationUrl(SalesforceConnection connection, URI redirectUri, String state,
			@Nullable String codeChallengeS256) {
		UriComponentsBuilder url = UriComponentsBuilder.fromUri(connection.authorizationUri())
			.queryParam("response_type", "code")
			.queryParam("client_id", connection.auth().clientId())
			.queryParam("redirect_uri", redirectUri)
			.queryParam("scope", SCOPES)
			.queryParam("state", state);
		if (codeChallengeS256 != null) {
			url.queryParam(PkceParameterNames.CODE_CHALLENGE, codeChallengeS256)
				.queryParam(PkceParameterNames.CODE_CHALLENGE_METHOD, "S256");
		}
		return url.encode().build().toUri();
	}

	/**
	 * Exchanges an authorization code for tokens and stores them, encrypted, for the connection's profile.
	 * @return the validated instance URL the tokens belong to
	 * @throws SalesforceAuthenticationException when Salesforce refuses the code or names an untrusted instance
	 */
	public URI exchange(SalesforceConnection connection, String code, URI redirectUri, @Nullable String codeVerifier) {
		ClientRegistration registration = registration(connection, redirectUri);
		Map<String, Object> attributes = new HashMap<>();
		if (codeVerifier != null) {
			attributes.put(PkceParameterNames.CODE_VERIFIER, codeVerifier);
		}
		OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(connection.authorizationUri().toString())
			.clientId(registration.getClientId())
			.redirectUri(redirectUri.toString())
			.state("seatkeeper")
			.attributes(attributes)
			.build();
		OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
			.redirectUri(redirectUri.toString())
			.state("seatkeeper")
			.build();
		OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokens = TokenEndpoint
			.client(TokenEndpoint.restClient(SalesforceHttp.requestFactory(connection), connection.tokenLifetime()));
		OAuth2AccessTokenResponse tokenResponse;
		try {
			tokenResponse = tokens.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration,
					new OAuth2AuthorizationExchange(request, response)));
		}
		catch (OAuth2AuthorizationException ex) {
			throw SalesforceAuthenticationException.refused(connection.name(), ex.getError().getErrorCode(),
					ex.getError().getDescription(), null);
		}
		URI instanceUrl = new InstanceUrlPolicy(connection.name(), connection.allowLoopback())
			.validate(tokenResponse.getAdditionalParameters().get(SalesforceTokenResponseConverter.INSTANCE_URL));
		this.store.saveTokens(connection.name(), connection.name(), tokenResponse.getAccessToken(),
				tokenResponse.getRefreshToken());
		this.store.saveInstanceUrl(connection.name(), connection.name(), instanceUrl);
		return instanceUrl;
	}

	private static ClientRegistration registration(SalesforceConnection connection, URI redirectUri) {
		ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(connection.name())
			.clientId(connection.auth().clientId())
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationUri(connection.authorizationUri().toString())
			.tokenUri(connection.tokenUri().toString())
			.redirectUri(redirectUri.toString());
		if (connection.auth().clientSecret() != null) {
			builder.clientSecret(connection.auth().clientSecret().reveal())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
		}
		else {
			builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		}
		return builder.build();
	}

	/** A PKCE code verifier and its S256 challenge. {@code toString()} hides the verifier. */
	public record Pkce(String verifier, String challenge) {

		@Override
		public String toString() {
			return "Pkce[verifier=******, challenge=" + challenge + "]";
		}

	}

}
