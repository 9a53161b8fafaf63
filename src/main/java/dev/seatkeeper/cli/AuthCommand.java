package dev.seatkeeper.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.profile.InvalidProfilesException;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ProfileConnections;
import dev.seatkeeper.profile.Profiles;
import dev.seatkeeper.profile.SalesforceSettings;
import dev.seatkeeper.salesforce.SalesforceApiException;
import dev.seatkeeper.salesforce.SalesforceConnection;
import dev.seatkeeper.salesforce.auth.AuthorizationCodeExchange;
import dev.seatkeeper.salesforce.auth.TokenKeyException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code auth login}: the one-time authorization-code bootstrap of a profile that uses the refresh-token flow. */
@Command(name = "auth", description = "Authorize Seatkeeper against a profile's org.",
		subcommands = { AuthCommand.Login.class })
public class AuthCommand {

	@Command(name = "login", description = {
			"Print the Salesforce authorize URL (scopes: " + AuthorizationCodeExchange.SCOPES + "), receive the redirect on",
			"http://localhost:PORT/OauthRedirect, exchange the code (with PKCE) and store the tokens encrypted.",
			"Register that redirect URL as the callback URL of the profile's external client app." })
	static class Login extends ConsoleCommand {

		private final Profiles profiles;

		private final ProfileConnections connections;

		private final AuthorizationCodeExchange exchange;

		@Option(names = "--profile", required = true, description = "The profile to authorize.")
		String profile;

		@Option(names = "--port", defaultValue = "1717", description = "Local callback port (default ${DEFAULT-VALUE}).")
		int port;

		@Option(names = "--timeout", defaultValue = "PT5M", description = "How long to wait for the approval (default ${DEFAULT-VALUE}).")
		Duration timeout;

		@Option(names = "--profiles-dir", description = "Directory of profile files (default: $SEATKEEPER_PROFILES_DIR or jobs/profiles).")
		@Nullable Path profilesDir;

		Login(Profiles profiles, ProfileConnections connections, AuthorizationCodeExchange exchange) {
			this.profiles = profiles;
			this.connections = connections;
			this.exchange = exchange;
		}

		/**
		 * Everything that can be checked is checked before the authorize URL is printed: the profile, its flow and the
		 * token key. A person should not approve access in a browser only to learn that nothing could be stored.
		 */
		@Override
		public Integer call() throws IOException, InterruptedException {
			SalesforceConnection connection;
			try {
				Profile selected = this.profiles.load(this.profilesDir).requireValid().requireRunnable(this.profile);
				String refusal = refusal(selected);
				if (refusal != null) {
					err().println(refusal);
					return ExitCode.INVALID_CONFIGURATION.code();
				}
				this.exchange.requireTokenStore();
				connection = this.connections.connection(selected);
			}
			catch (InvalidProfilesException | TokenKeyException ex) {
				err().println(ex.getMessage());
				err().println("Nothing was asked of Salesforce.");
				return ExitCode.INVALID_CONFIGURATION.code();
			}
			try (OAuthCallbackServer callback = OAuthCallbackServer.start(this.port)) {
				return authorize(connection, callback);
			}
		}

		/** Why this profile has nothing to log in for, or null when it uses the refresh-token flow. */
		private static @Nullable String refusal(Profile profile) {
			SalesforceSettings.AuthSettings auth = profile.salesforce().auth();
			if (profile.salesforce().isSandbox() || auth == null) {
				return "Profile '" + profile.name() + "' uses the embedded sandbox org, which needs no login.";
			}
			if (auth.flow() != SalesforceSettings.AuthFlow.REFRESH_TOKEN) {
				String flow = auth.flow().name().toLowerCase(Locale.ROOT).replace('_', '-');
				return "Profile '" + profile.name() + "' uses the " + flow + " flow, which needs no login: 'auth login' is"
						+ " only for refresh-token profiles. Its runs authenticate by themselves.";
			}
			return null;
		}

		private int authorize(SalesforceConnection connection, OAuthCallbackServer callback) throws InterruptedException {
			AuthorizationCodeExchange.Pkce pkce = AuthorizationCodeExchange.newPkce();
			String state = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
			URI url = this.exchange.authorizationUrl(connection, callback.redirectUri(), state, pkce.challenge());
			out().println("Open this URL in a browser, log in as the integration user and approve access:");
			out().println();
			out().println("  " + url);
			out().println();
			out().println("Waiting up to " + this.timeout.toMinutes() + " min for the redirect to " + callback.redirectUri());
			out().flush();
			Map<String, String> redirect;
			try {
				redirect = callback.await(this.timeout);
			}
			catch (TimeoutException ex) {
				err().println("No approval arrived within " + this.timeout.toMinutes() + " min; nothing was stored.");
				return ExitCode.FAILED.code();
			}
			if (!redirect.containsKey("code")) {
				err().println("Salesforce did not authorize: " + redirect.getOrDefault("error_description",
						redirect.getOrDefault("error", "no code in the redirect")));
				return ExitCode.FAILED.code();
			}
			if (!state.equals(redirect.get("state"))) {
				err().println("The redirect's state does not match this login; nothing was stored.");
				return ExitCode.FAILED.code();
			}
			try {
				URI instance = this.exchange.exchange(connection, redirect.get("code"), callback.redirectUri(), pkce.verifier());
				out().println("Stored the tokens of profile " + connection.name() + " (encrypted) for " + instance);
				return ExitCode.OK.code();
			}
			catch (SalesforceApiException ex) {
				err().println("The code exchange failed: " + ex.getMessage());
				return ExitCode.FAILED.code();
			}
		}

	}

}
