package dev.seatkeeper.sandbox.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.sandbox.org.SandboxOrg;
import org.jspecify.annotations.Nullable;

/**
 * The token endpoint's logic: client credentials (runs as the integration user), authorization code, refresh
 * token (optionally rotating), JWT bearer and username-password (for clients such as jsforce's
 * {@code login()} with OAuth settings; {@link #passwordLogin} serves its SOAP login). Success bodies are shaped as Salesforce's — {@code access_token}, {@code instance_url},
 * {@code id}, {@code token_type}, {@code issued_at}, {@code signature}, {@code scope} and no {@code expires_in}.
 * Thread-safe.
 */
public final class TokenService {

	private final ClientApp app;

	private final Sessions sessions;

	private final SandboxOrg org;

	private final String userPassword;

	private final LoginHost loginHost;

	public TokenService(ClientApp app, Sessions sessions, SandboxOrg org, String userPassword) {
		this(app, sessions, org, userPassword, LoginHost.myDomain());
	}

	public TokenService(ClientApp app, Sessions sessions, SandboxOrg org, String userPassword, LoginHost loginHost) {
		this.app = app;
		this.sessions = sessions;
		this.org = org;
		this.userPassword = userPassword;
		this.loginHost = loginHost;
	}

	public ClientApp app() {
		return this.app;
	}

	/**
	 * Grants a token for a form-encoded request.
	 * @param basic client id and secret from an HTTP Basic header, or {@code null}
	 * @param baseUrl this server's base URL: the {@code instance_url} and the host of the {@code id} URL
	 */
	public Map<String, String> token(Map<String, String> form, String @Nullable [] basic, String baseUrl) {
		String grant = form.getOrDefault("grant_type", "");
		return switch (grant) {
			case "client_credentials" -> {
				if (this.loginHost.genericLogin()) {
					// Salesforce cannot tell which org's integration user to run as on a host shared by all orgs.
					throw OAuthException.invalidGrant("request not supported on this domain");
				}
				authenticateClient(form, basic, true);
				yield grantFor(this.org.integrationUserId(), "api", baseUrl, false);
			}
			case "authorization_code" -> authorizationCode(form, basic, baseUrl);
			case "refresh_token" -> refresh(form, basic, baseUrl);
			case "urn:ietf:params:oauth:grant-type:jwt-bearer" -> {
				String username = JwtAssertion.verify(form.getOrDefault("assertion", ""), this.app,
						Set.of(this.loginHost.jwtAudience()), Instant.now());
				yield grantFor(activeUser(username).id(), "api", baseUrl, false);
			}
			case "password" -> password(form, basic, baseUrl);
			default -> throw new OAuthException("unsupported_grant_type", "grant type not supported");
		};
	}

	/** A code for the authorize endpoint; the consent is approved at once. */
	public String authorize(String clientId, String redirectUri, @Nullable String loginHint, String scope) {
		if (!this.app.clientId().equals(clientId)) {
			throw OAuthException.invalidClientId();
		}
		if (!this.app.redirectUris().contains(redirectUri)) {
			throw new OAuthException("redirect_uri_mismatch", "redirect_uri must match configuration");
		}
		String userId = loginHint != null ? activeUser(loginHint).id()
				: this.org.table(OrgTypes.USER).record(0).id();
		return this.sessions.issueCode(new Sessions.Session(userId, clientId, scope), redirectUri);
	}

	/**
	 * A session for the SOAP {@code login()} call older clients use (jsforce's default): username and password,
	 * the password possibly followed by a security token. Returns the user and a new access token.
	 */
	public PasswordLogin passwordLogin(String username, String password) {
		Row user;
		try {
			user = activeUser(username);
		}
		catch (OAuthException ex) {
			throw new OAuthException("INVALID_LOGIN", "Invalid username, password, security token; or user locked out.");
		}
		if (!password.startsWith(this.userPassword)) {
			throw new OAuthException("INVALID_LOGIN", "Invalid username, password, security token; or user locked out.");
		}
		String token = this.sessions.issueAccessToken(new Sessions.Session(user.id(), "soap", "api"));
		return new PasswordLogin(user, token);
	}

	/** A successful SOAP login: who logged in and the session Id. */
	public record PasswordLogin(Row user, String sessionId) {
	}

	private Map<String, String> authorizationCode(Map<String, String> form, String @Nullable [] basic,
			String baseUrl) {
		authenticateClient(form, basic, true);
		Sessions.Code code = this.sessions.redeem(form.getOrDefault("code", ""));
		if (code == null) {
			throw OAuthException.invalidGrant("invalid authorization code");
		}
		if (!code.redirectUri().equals(form.get("redirect_uri"))) {
			throw OAuthException.invalidGrant("redirect_uri must match configuration");
		}
		return grantFor(code.session().userId(), code.session().scope(), baseUrl, true);
	}

	private Map<String, String> refresh(Map<String, String> form, String @Nullable [] basic, String baseUrl) {
		authenticateClient(form, basic, false);
		String token = form.getOrDefault("refresh_token", "");
		Sessions.Session session = this.sessions.refresh(token);
		if (session == null) {
			throw OAuthException.invalidGrant("expired access/refresh token");
		}
		if (this.app.rotateRefreshTokens()) {
			this.sessions.revokeRefreshToken(token);
		}
		return grantFor(session.userId(), session.scope(), baseUrl, this.app.rotateRefreshTokens());
	}

	private Map<String, String> password(Map<String, String> form, String @Nullable [] basic, String baseUrl) {
		authenticateClient(form, basic, true);
		Row user = activeUser(form.getOrDefault("username", ""));
		if (!form.getOrDefault("password", "").startsWith(this.userPassword)) {
			throw OAuthException.invalidGrant("authentication failure");
		}
		return grantFor(user.id(), "api", baseUrl, false);
	}

	private void authenticateClient(Map<String, String> form, String @Nullable [] basic, boolean secretRequired) {
		String clientId = basic != null ? basic[0] : form.get("client_id");
		String secret = basic != null ? basic[1] : form.get("client_secret");
		if (clientId == null || !this.app.clientId().equals(clientId)) {
			throw OAuthException.invalidClientId();
		}
		if ((secretRequired || secret != null) && !this.app.clientSecret().equals(secret)) {
			throw OAuthException.invalidClient();
		}
	}

	private Row activeUser(String username) {
		for (Row user : this.org.table(OrgTypes.USER).rows()) {
			if (username.equalsIgnoreCase((String) user.fieldValue("Username"))) {
				if (!Boolean.TRUE.equals(user.fieldValue("IsActive"))) {
					throw OAuthException.invalidGrant("inactive user");
				}
				if (isFrozen(user)) {
					throw OAuthException.invalidGrant("authentication failure");
				}
				return user;
			}
		}
		throw OAuthException.invalidGrant("user hasn't approved this consumer");
	}

	/** A frozen user (UserLogin.IsFrozen) cannot log in, by any flow, until an admin unfreezes them. */
	private boolean isFrozen(Row user) {
		for (Row login : this.org.table(OrgTypes.USER_LOGIN).rows()) {
			if (user.id().equals(login.fieldValue("UserId"))) {
				return Boolean.TRUE.equals(login.fieldValue("IsFrozen"));
			}
		}
		return false;
	}

	private Map<String, String> grantFor(String userId, String scope, String baseUrl, boolean withRefreshToken) {
		Sessions.Session session = new Sessions.Session(userId, this.app.clientId(), scope);
		String id = baseUrl + "/id/" + this.org.orgId() + "/" + userId;
		String issuedAt = Long.toString(System.currentTimeMillis());
		Map<String, String> body = new LinkedHashMap<>();
		body.put("access_token", this.sessions.issueAccessToken(session));
		if (withRefreshToken) {
			body.put("refresh_token", this.sessions.issueRefreshToken(session));
		}
		body.put("signature", sign(id + issuedAt));
		body.put("scope", scope.contains("refresh_token") || !withRefreshToken ? scope : scope + " refresh_token");
		body.put("instance_url", baseUrl);
		body.put("id", id);
		body.put("token_type", "Bearer");
		body.put("issued_at", issuedAt);
		return body;
	}

	/** As Salesforce signs: Base64 HMAC-SHA256 of id + issued_at keyed with the client secret. */
	private String sign(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.app.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
