package dev.seatkeeper.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.seatkeeper.salesforce.FakeSalesforce.Request;
import dev.seatkeeper.salesforce.FakeSalesforce.Response;
import dev.seatkeeper.salesforce.SalesforceConnection.Auth;
import dev.seatkeeper.salesforce.auth.AuthorizationCodeExchange;
import dev.seatkeeper.salesforce.auth.SalesforceTokenStore;
import dev.seatkeeper.salesforce.auth.StoredAuthorization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OAuth2 flows, instance URL checks and fatal token errors, end to end through Spring Security. */
class SalesforceAuthenticationTests {

	private static final String QUERY = "/services/data/v62.0/query";

	private final FakeSalesforce salesforce = FakeSalesforce.start();

	private final SalesforceTokenStore store = SalesforceFixtures.h2Store();

	@AfterEach
	void stop() {
		this.salesforce.close();
	}

	@Test
	void clientCredentialsTokensStayInMemoryAndAreReused() {
		this.salesforce.token("token-response.json").on("GET", QUERY, 200, "query-count.json");
		SalesforceClient client = connect(SalesforceFixtures.clientCredentials());

		client.queryPage("SELECT COUNT() FROM User");
		client.queryPage("SELECT COUNT() FROM User");

		assertThat(this.salesforce.tokenRequests()).hasSize(1);
		assertThat(this.store.load("acme")).as("nothing to keep across runs: client credentials re-authenticate")
			.isEmpty();
	}

	@Test
	void tokensWithoutExpiresInGetTheConfiguredLifetime() {
		this.store.saveAuthorization("acme", "00D!storedAccess", "5Aep861storedRefresh", this.salesforce.url());
		this.store.invalidateAccessToken("acme");
		this.salesforce.token("token-response.json").on("GET", QUERY, 200, "query-count.json");
		SalesforceClient client = connect(Auth.refreshToken("3MVG9clientId", Secret.of(SalesforceFixtures.CLIENT_SECRET)));

		client.queryPage("SELECT COUNT() FROM User");
		client.queryPage("SELECT COUNT() FROM User");

		assertThat(this.salesforce.tokenRequests()).hasSize(1);
		StoredAuthorization stored = this.store.load("acme").orElseThrow();
		assertThat(Duration.between(stored.accessToken().getIssuedAt(), stored.accessToken().getExpiresAt()))
			.isEqualTo(Duration.ofMinutes(15));
		assertThat(stored.instanceUrl()).isEqualTo(this.salesforce.url());
	}

	@Test
	void loopbackInstanceUrlIsRejectedUnlessAllowed() {
		this.salesforce.token("token-response.json").on("GET", QUERY, 200, "query-count.json");
		SalesforceClient client = SalesforceFixtures.factory(this.store)
			.connect(SalesforceFixtures.connection(this.salesforce, SalesforceFixtures.clientCredentials())
				.withAllowLoopback(false));

		assertThatExceptionOfType(SalesforceAuthenticationException.class)
			.isThrownBy(() -> client.queryPage("SELECT COUNT() FROM User"))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse())
			.withMessageContaining("loopback");
		assertThat(this.salesforce.tokenRequests()).hasSize(1);
		assertThat(this.salesforce.requests(QUERY)).isEmpty();
		assertThat(this.store.load("acme")).isEmpty();
	}

	@Test
	void foreignInstanceUrlIsRejectedEvenWithLoopbackAllowed() {
		this.salesforce.token("token-response-foreign-instance.json");
		SalesforceClient client = connect(SalesforceFixtures.clientCredentials());

		assertThatExceptionOfType(SalesforceAuthenticationException.class)
			.isThrownBy(() -> client.queryPage("SELECT COUNT() FROM User"))
			.withMessageContaining("not a Salesforce domain");
		assertThat(this.salesforce.requests("/services/data/")).isEmpty();
	}

	@Test
	void invalidGrantFailsFastWithSalesforcesDescription() {
		this.salesforce.on("POST", "/services/oauth2/token", 400, "token-error-invalid-grant.json");
		SalesforceClient client = connect(SalesforceFixtures.clientCredentials());

		assertThatExceptionOfType(SalesforceAuthenticationException.class)
			.isThrownBy(() -> client.queryPage("SELECT COUNT() FROM User"))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("invalid_grant");
				assertThat(ex.isRetryable()).isFalse();
			})
			.withMessageContaining("expired access/refresh token");
		assertThat(this.salesforce.tokenRequests()).hasSize(1);
	}

	@Test
	void tokenEndpointOutageIsRetried() {
		this.salesforce.on("POST", "/services/oauth2/token", 503, "error-server.json")
			.token("token-response.json")
			.on("GET", QUERY, 200, "query-count.json");
		SalesforceClient client = connect(SalesforceFixtures.clientCredentials());

		assertThat(client.queryPage("SELECT COUNT() FROM User").totalSize()).isEqualTo(3125);
		assertThat(this.salesforce.tokenRequests()).hasSize(2);
	}

	@Test
	void jwtBearerSendsAnRs256AssertionSignedWithTheConfiguredKey() throws Exception {
		KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		AtomicReference<JWTClaimsSet> verifiedClaims = new AtomicReference<>();
		this.salesforce.on("POST", "/services/oauth2/token", (request) -> {
			verifiedClaims.set(verify(request, (RSAPublicKey) keys.getPublic()));
			return new Response(200, this.salesforce.body("token-response.json"));
		}).on("GET", QUERY, 200, "query-count.json");
		SalesforceClient client = connect(Auth.jwtBearer("3MVG9clientId", "integration@acme.com", Secret.of(pem)));

		client.queryPage("SELECT COUNT() FROM User");

		JWTClaimsSet claims = verifiedClaims.get();
		assertThat(claims).isNotNull();
		assertThat(claims.getIssuer()).isEqualTo("3MVG9clientId");
		assertThat(claims.getSubject()).isEqualTo("integration@acme.com");
		assertThat(claims.getAudience()).as("Salesforce refuses a My Domain or instance URL as the audience")
			.containsExactly("https://login.salesforce.com");
		assertThat(claims.getExpirationTime()).isAfter(new Date())
			.isBefore(Date.from(Instant.now().plus(Duration.ofMinutes(5))));
		assertThat(this.salesforce.tokenRequests().get(0).param("grant_type"))
			.isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
	}

	@Test
	void refreshFlowWithoutStoredAuthorizationAsksForAuthLogin() {
		SalesforceClient client = connect(Auth.refreshToken("3MVG9clientId", null));

		assertThatExceptionOfType(SalesforceAuthenticationException.class)
			.isThrownBy(() -> client.queryPage("SELECT COUNT() FROM User"))
			.withMessageContaining("auth login --profile acme");
		assertThat(this.salesforce.requests()).isEmpty();
	}

	@Test
	void refreshFlowUsesTheStoredInstanceUrlAfterARestart() {
		this.store.saveAuthorization("acme", "00D!storedAccess", "5Aep861storedRefresh", this.salesforce.url());
		this.salesforce.on("GET", QUERY, 200, "query-count.json");
		SalesforceClient client = connect(Auth.refreshToken("3MVG9clientId", null));

		client.queryPage("SELECT COUNT() FROM User");

		assertThat(this.salesforce.tokenRequests()).isEmpty();
		assertThat(this.salesforce.requests(QUERY).get(0).header("Authorization")).isEqualTo("Bearer 00D!storedAccess");
	}

	@Test
	void refreshFlowKeepsTheRefreshTokenWhenSalesforceDoesNotRotateIt() {
		this.store.saveAuthorization("acme", "00D!storedAccess", "5Aep861storedRefresh", this.salesforce.url());
		this.store.invalidateAccessToken("acme");
		this.salesforce.token("token-response-second.json").on("GET", QUERY, 200, "query-count.json");
		SalesforceClient client = connect(Auth.refreshToken("3MVG9clientId", Secret.of(SalesforceFixtures.CLIENT_SECRET)));

		client.queryPage("SELECT COUNT() FROM User");

		Request refresh = this.salesforce.tokenRequests().get(0);
		assertThat(refresh.param("grant_type")).isEqualTo("refresh_token");
		assertThat(refresh.param("refresh_token")).isEqualTo("5Aep861storedRefresh");
		StoredAuthorization stored = this.store.load("acme").orElseThrow();
		assertThat(stored.refreshToken().getTokenValue()).isEqualTo("5Aep861storedRefresh");
		assertThat(stored.accessToken().getTokenValue()).isEqualTo("00D5g000004XXXX!AQ0AQ.accessTokenTwo");
	}

	@Test
	void authorizationCodeExchangeStoresTokensForTheRefreshFlow() {
		this.salesforce.token("token-response-rotated.json");
		SalesforceConnection connection = SalesforceFixtures.connection(this.salesforce,
				Auth.refreshToken("3MVG9clientId", null));
		AuthorizationCodeExchange exchange = new AuthorizationCodeExchange(this.store);
		URI redirect = URI.create(AuthorizationCodeExchange.DEFAULT_REDIRECT_URI);

		AuthorizationCodeExchange.Pkce pkce = AuthorizationCodeExchange.newPkce();

		URI login = exchange.authorizationUrl(connection, redirect, "state-1", pkce.challenge());
		URI instance = exchange.exchange(connection, "aPrxCode==", redirect, pkce.verifier());

		assertThat(login.toString()).startsWith(this.salesforce.url() + "/services/oauth2/authorize?response_type=code")
			.contains("client_id=3MVG9clientId")
			.contains("code_challenge_method=S256");
		assertThat(instance).isEqualTo(this.salesforce.url());
		Request token = this.salesforce.tokenRequests().get(0);
		assertThat(token.param("grant_type")).isEqualTo("authorization_code");
		assertThat(token.param("code")).isEqualTo("aPrxCode==");
		assertThat(token.param("redirect_uri")).isEqualTo(AuthorizationCodeExchange.DEFAULT_REDIRECT_URI);
		assertThat(token.param("code_verifier")).isEqualTo(pkce.verifier());
		assertThat(login.toString()).contains("code_challenge=" + pkce.challenge());
		assertThat(pkce.toString()).doesNotContain(pkce.verifier());
		assertThat(this.store.load("acme").orElseThrow().refreshToken().getTokenValue())
			.isEqualTo("5Aep861rotatedRefreshTokenValue");
	}

	private SalesforceClient connect(Auth auth) {
		return SalesforceFixtures.factory(this.store).connect(SalesforceFixtures.connection(this.salesforce, auth));
	}

	private static JWTClaimsSet verify(Request request, RSAPublicKey publicKey) {
		try {
			SignedJWT jwt = SignedJWT.parse(request.param("assertion"));
			if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
					|| !jwt.verify(new RSASSAVerifier(publicKey))) {
				return null;
			}
			return jwt.getJWTClaimsSet();
		}
		catch (Exception ex) {
			return null;
		}
	}

}
