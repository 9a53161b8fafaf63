package dev.seatkeeper.sandbox;

import static dev.seatkeeper.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SandboxAuthTests {

	static final Instant NOW = Instant.parse("2026-11-25T14:03:07Z");

	static KeyPair keys;

	static Sandbox sandbox;

	static SandboxHttp http;

	@BeforeAll
	static void start() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		keys = generator.generateKeyPair();
		sandbox = Sandbox.builder().users(200).now(NOW).jwtKey(keys.getPublic()).rotateRefreshTokens(true).build().start();
		http = new SandboxHttp(sandbox);
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void clientCredentialsTokenHasSalesforcesShapeAndNoExpiresIn() {
		HttpResponse<String> response = http.form("/services/oauth2/token", Map.of("grant_type", "client_credentials",
				"client_id", "seatkeeper-sandbox", "client_secret", "sandbox-secret"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
		JsonNode token = json(response);
		assertThat(token.propertyNames()).containsExactlyInAnyOrder("access_token", "signature", "scope", "instance_url",
				"id", "token_type", "issued_at");
		assertThat(token.path("access_token").asString()).startsWith(sandbox.org().orgId().substring(0, 15) + "!");
		assertThat(token.path("instance_url").asString()).isEqualTo(sandbox.baseUrl());
		assertThat(token.path("id").asString())
			.isEqualTo(sandbox.baseUrl() + "/id/" + sandbox.org().orgId() + "/" + sandbox.org().integrationUserId());
		assertThat(token.path("token_type").asString()).isEqualTo("Bearer");
		assertThat(Long.parseLong(token.path("issued_at").asString())).isGreaterThan(NOW.toEpochMilli());
	}

	@Test
	void clientCredentialsMayComeAsHttpBasic() {
		String basic = Base64.getEncoder().encodeToString("seatkeeper-sandbox:sandbox-secret".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = http.raw(HttpRequest.newBuilder(http.uri("/services/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void badClientsAndGrantsGetOAuthErrors() {
		assertError(Map.of("grant_type", "client_credentials", "client_id", "nope", "client_secret", "x"),
				"invalid_client_id");
		assertError(Map.of("grant_type", "client_credentials", "client_id", "seatkeeper-sandbox", "client_secret", "x"),
				"invalid_client");
		assertError(Map.of("grant_type", "magic"), "unsupported_grant_type");
		assertError(Map.of("grant_type", "refresh_token", "client_id", "seatkeeper-sandbox", "refresh_token", "bogus"),
				"invalid_grant");
	}

	@Test
	void authorizationCodeThenRotatingRefreshTokens() {
		HttpResponse<String> authorize = http.get("/services/oauth2/authorize?response_type=code&client_id=seatkeeper-sandbox"
				+ "&redirect_uri=" + SandboxHttp.encode("http://localhost:1717/OauthRedirect") + "&scope=api&state=xyz");
		assertThat(authorize.statusCode()).isEqualTo(302);
		URI location = URI.create(authorize.headers().firstValue("Location").orElseThrow());
		assertThat(location.getQuery()).contains("state=xyz");
		String code = location.getQuery().replaceAll(".*code=([^&]+).*", "$1");
		JsonNode token = json(http.form("/services/oauth2/token", Map.of("grant_type", "authorization_code", "code",
				java.net.URLDecoder.decode(code, StandardCharsets.UTF_8), "client_id", "seatkeeper-sandbox",
				"client_secret", "sandbox-secret", "redirect_uri", "http://localhost:1717/OauthRedirect")));
		String refresh = token.path("refresh_token").asString();
		assertThat(refresh).isNotEmpty();
		JsonNode refreshed = json(http.form("/services/oauth2/token", Map.of("grant_type", "refresh_token",
				"refresh_token", refresh, "client_id", "seatkeeper-sandbox", "client_secret", "sandbox-secret")));
		assertThat(refreshed.has("expires_in")).isFalse();
		assertThat(refreshed.path("refresh_token").asString()).isNotEmpty().isNotEqualTo(refresh);
		assertError(Map.of("grant_type", "refresh_token", "refresh_token", refresh, "client_id", "seatkeeper-sandbox"),
				"invalid_grant");
	}

	@Test
	void authorizeRefusesUnknownClientsAndRedirects() {
		assertThat(http.get("/services/oauth2/authorize?response_type=code&client_id=other&redirect_uri=x").statusCode())
			.isEqualTo(400);
		HttpResponse<String> mismatch = http.get("/services/oauth2/authorize?response_type=code"
				+ "&client_id=seatkeeper-sandbox&redirect_uri=" + SandboxHttp.encode("https://evil.example/cb"));
		assertThat(mismatch.statusCode()).isEqualTo(400);
		assertThat(json(mismatch).path("error").asString()).isEqualTo("redirect_uri_mismatch");
	}

	@Test
	void jwtBearerChecksSignatureAudienceAndExpiry() throws Exception {
		String admin = (String) sandbox.org().table(dev.seatkeeper.sandbox.org.OrgTypes.USER).record(0).fieldValue("Username");
		long exp = Instant.now().getEpochSecond() + 180;
		assertThat(jwt(jwtClaims(admin, "https://login.salesforce.com", exp), keys.getPrivate()).statusCode())
			.isEqualTo(200);
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		assertThat(json(jwt(jwtClaims(admin, "https://login.salesforce.com", exp), generator.generateKeyPair().getPrivate()))
			.path("error").asString()).isEqualTo("invalid_grant");
		assertThat(json(jwt(jwtClaims(admin, "https://elsewhere.example", exp), keys.getPrivate()))
			.path("error_description").asString()).isEqualTo("audience is invalid");
		assertThat(json(jwt(jwtClaims(admin, sandbox.baseUrl(), exp), keys.getPrivate())).path("error_description")
			.asString()).as("the org's own My Domain is not an audience").isEqualTo("audience is invalid");
		assertThat(json(jwt(jwtClaims(admin, "https://test.salesforce.com", exp), keys.getPrivate()))
			.path("error_description").asString()).as("a production org").isEqualTo("audience is invalid");
		assertThat(json(jwt(jwtClaims(admin, "https://login.salesforce.com", exp - 3600), keys.getPrivate()))
			.path("error").asString()).isEqualTo("invalid_grant");
		assertThat(json(jwt(jwtClaims("nobody@acme.example", "https://login.salesforce.com", exp), keys.getPrivate()))
			.path("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void aSalesforceSandboxOrgTakesTheTestAudienceOnly() throws Exception {
		try (Sandbox org = Sandbox.builder().users(20).now(NOW).jwtKey(keys.getPublic()).salesforceSandbox(true).build().start()) {
			SandboxHttp client = new SandboxHttp(org);
			String admin = (String) org.org().table(dev.seatkeeper.sandbox.org.OrgTypes.USER).record(0).fieldValue("Username");
			long exp = Instant.now().getEpochSecond() + 180;
			assertThat(jwt(client, jwtClaims(admin, "https://test.salesforce.com", exp), keys.getPrivate()).statusCode())
				.isEqualTo(200);
			assertThat(json(jwt(client, jwtClaims(admin, "https://login.salesforce.com", exp), keys.getPrivate()))
				.path("error_description").asString()).isEqualTo("audience is invalid");
		}
	}

	@Test
	void aGenericLoginHostRefusesClientCredentials() {
		try (Sandbox org = Sandbox.builder().users(20).now(NOW).genericLoginHost(true).build().start()) {
			HttpResponse<String> response = new SandboxHttp(org).form("/services/oauth2/token", Map.of("grant_type",
					"client_credentials", "client_id", "seatkeeper-sandbox", "client_secret", "sandbox-secret"));
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(json(response).path("error").asString()).isEqualTo("invalid_grant");
			assertThat(json(response).path("error_description").asString()).isEqualTo("request not supported on this domain");
		}
	}

	@Test
	void userInfoNeedsTheOpenidScope() {
		HttpResponse<String> withoutOpenid = new SandboxHttp(sandbox).login().get("/services/oauth2/userinfo");
		assertThat(withoutOpenid.statusCode()).isEqualTo(403);
		HttpResponse<String> authorize = http.get("/services/oauth2/authorize?response_type=code&client_id=seatkeeper-sandbox"
				+ "&redirect_uri=" + SandboxHttp.encode("http://localhost:1717/OauthRedirect") + "&scope="
				+ SandboxHttp.encode("api openid"));
		String code = URI.create(authorize.headers().firstValue("Location").orElseThrow()).getQuery()
			.replaceAll(".*code=([^&]+).*", "$1");
		JsonNode token = json(http.form("/services/oauth2/token", Map.of("grant_type", "authorization_code", "code",
				java.net.URLDecoder.decode(code, StandardCharsets.UTF_8), "client_id", "seatkeeper-sandbox",
				"client_secret", "sandbox-secret", "redirect_uri", "http://localhost:1717/OauthRedirect")));
		HttpResponse<String> withOpenid = new SandboxHttp(sandbox).token(token.path("access_token").asString())
			.get("/services/oauth2/userinfo");
		assertThat(withOpenid.statusCode()).isEqualTo(200);
		assertThat(token.path("id").asString()).endsWith("/" + json(withOpenid).path("user_id").asString());
	}

	@Test
	void retiredApiVersionsAreGone() {
		SandboxHttp client = new SandboxHttp(sandbox).login();
		for (String retired : new String[] { "20.0", "21.0", "30.0" }) {
			HttpResponse<String> response = client.get("/services/data/v" + retired + "/limits");
			assertThat(response.statusCode()).as(retired).isEqualTo(410);
			assertThat(json(response).get(0).path("errorCode").asString()).isEqualTo("GONE");
			assertThat(json(response).get(0).path("message").asString()).contains(retired).contains("retired");
		}
		assertThat(client.get("/services/data/v31.0/limits").statusCode()).isEqualTo(200);
		assertThat(client.get("/services/data/v66.0/limits").statusCode()).isEqualTo(200);
		assertThat(client.get("/services/data/v99.0/limits").statusCode()).as("not yet released").isEqualTo(404);
	}

	@Test
	void dataCallsNeedAValidBearerToken() {
		HttpResponse<String> none = new SandboxHttp(sandbox).get(SandboxHttp.V + "/limits");
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(json(none).get(0).path("errorCode").asString()).isEqualTo("INVALID_SESSION_ID");
		assertThat(json(none).get(0).path("message").asString()).isEqualTo("Session expired or invalid");
		assertThat(new SandboxHttp(sandbox).token("00Dbogus!x").get(SandboxHttp.V + "/limits").statusCode()).isEqualTo(401);
		assertThat(new SandboxHttp(sandbox).login().get(SandboxHttp.V + "/limits").statusCode()).isEqualTo(200);
		assertThat(new SandboxHttp(sandbox).token(sandbox.issueAccessToken()).get(SandboxHttp.V + "/limits").statusCode())
			.isEqualTo(200);
	}

	@Test
	void identityUrlDescribesTheSessionUser() {
		SandboxHttp client = new SandboxHttp(sandbox).login();
		String userId = sandbox.org().integrationUserId();
		JsonNode identity = json(client.get("/id/" + sandbox.org().orgId() + "/" + userId));
		assertThat(identity.path("user_id").asString()).isEqualTo(userId);
		assertThat(identity.path("organization_id").asString()).isEqualTo(sandbox.org().orgId());
		assertThat(identity.path("username").asString()).isEqualTo("integration@acme.example");
		assertThat(identity.path("urls").path("rest").asString()).startsWith(sandbox.baseUrl());
	}

	@Test
	void passwordGrantForClientsThatLogInWithAUsername() {
		String admin = (String) sandbox.org().table(dev.seatkeeper.sandbox.org.OrgTypes.USER).record(0).fieldValue("Username");
		Map<String, String> form = new HashMap<>(Map.of("grant_type", "password", "client_id", "seatkeeper-sandbox",
				"client_secret", "sandbox-secret", "username", admin, "password", "sandbox"));
		assertThat(http.form("/services/oauth2/token", form).statusCode()).isEqualTo(200);
		form.put("password", "wrong");
		assertThat(json(http.form("/services/oauth2/token", form)).path("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void soapLoginGivesASessionTheRestApiAccepts() {
		String admin = (String) sandbox.org().table(dev.seatkeeper.sandbox.org.OrgTypes.USER).record(0).fieldValue("Username");
		HttpResponse<String> login = soapLogin(admin.replace("'", "&apos;"), "sandboxTOKEN123");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("<serverUrl>" + sandbox.baseUrl() + "/services/Soap/u/62.0/")
			.contains("<organizationId>" + sandbox.org().orgId() + "</organizationId>")
			.contains("<userName>" + admin.replace("'", "&apos;") + "</userName>");
		String sessionId = login.body().replaceAll(".*<sessionId>([^<]+)</sessionId>.*", "$1");
		assertThat(new SandboxHttp(sandbox).token(sessionId).get(SandboxHttp.V + "/limits").statusCode()).isEqualTo(200);
		HttpResponse<String> refused = soapLogin(admin.replace("'", "&apos;"), "wrong");
		assertThat(refused.statusCode()).isEqualTo(500);
		assertThat(refused.body()).contains("<faultcode>INVALID_LOGIN</faultcode>");
	}

	private static HttpResponse<String> soapLogin(String username, String password) {
		String envelope = "<se:Envelope xmlns:se=\"http://schemas.xmlsoap.org/soap/envelope/\"><se:Header/><se:Body>"
				+ "<login xmlns=\"urn:partner.soap.sforce.com\"><username>" + username + "</username><password>" + password
				+ "</password></login></se:Body></se:Envelope>";
		return http.raw(HttpRequest.newBuilder(http.uri("/services/Soap/u/62.0"))
			.header("Content-Type", "text/xml")
			.header("SOAPAction", "login")
			.POST(HttpRequest.BodyPublishers.ofString(envelope)));
	}

	private static void assertError(Map<String, String> form, String error) {
		HttpResponse<String> response = http.form("/services/oauth2/token", form);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).path("error").asString()).isEqualTo(error);
		assertThat(json(response).path("error_description").asString()).isNotEmpty();
	}

	private static String jwtClaims(String sub, String aud, long exp) {
		return "{\"iss\":\"seatkeeper-sandbox\",\"sub\":\"" + sub + "\",\"aud\":\"" + aud + "\",\"exp\":" + exp + "}";
	}

	private static HttpResponse<String> jwt(String claims, PrivateKey key) throws Exception {
		return jwt(http, claims, key);
	}

	private static HttpResponse<String> jwt(SandboxHttp http, String claims, PrivateKey key) throws Exception {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		String signingInput = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(key);
		signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
		String assertion = signingInput + "." + b64.encodeToString(signature.sign());
		return http.form("/services/oauth2/token",
				Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", assertion));
	}

}
