package dev.seatkeeper.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.cli.SeatkeeperCommandLine;
import dev.seatkeeper.profile.ProfileCatalog;
import dev.seatkeeper.salesforce.auth.SalesforceTokenStore;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import picocli.CommandLine;

/**
 * {@code auth login} end to end against the sandbox's authorize and token endpoints, as the reference guide's
 * "Create and Get OAuth Token" dialog: the URL a person opens, the redirect to the local port, the code exchange,
 * the refresh token stored encrypted, then a nightly run on it that stores the rotated refresh token.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuthLoginTests {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final String KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8M=";

	@TempDir
	Path work;

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#embedded")
	void loginStoresAnEncryptedRefreshTokenThatTheNightlyRunUsesAndRotates(TestDatabase database, CapturedOutput output)
			throws Exception {
		int port = freePort();
		try (Sandbox sandbox = Sandbox.builder()
			.users(120)
			.loginDays(5)
			.now(NOW)
			.redirectUris(Set.of("http://localhost:" + port + "/OauthRedirect"))
			.rotateRefreshTokens(true)
			.build()
			.start()) {
			Path profiles = refreshTokenProfile(sandbox);
			Map<String, Object> properties = new HashMap<>(TestProfiles.properties(sandbox));
			properties.put("seatkeeper.security.token-encryption-key", KEY);
			try (JobHarness app = JobHarness.start(database, Clock.fixed(NOW, ZoneOffset.UTC), properties)) {
				CommandLine.IFactory factory = app.bean(CommandLine.IFactory.class);
				CompletableFuture<Integer> login = CompletableFuture.supplyAsync(() -> SeatkeeperCommandLine.create(factory)
					.execute("auth", "login", "--profile", "acme-rt", "--port", String.valueOf(port), "--timeout", "PT1M",
							"--profiles-dir", profiles.toString()));

				URI authorize = awaitAuthorizeUrl(output);
				assertThat(authorize.getQuery()).contains("scope=api refresh_token offline_access")
					.contains("code_challenge_method=S256")
					.contains("redirect_uri=http://localhost:" + port + "/OauthRedirect");
				HttpResponse<String> browser = HttpClient.newBuilder()
					.followRedirects(HttpClient.Redirect.NORMAL)
					.build()
					.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());

				assertThat(browser.body()).contains("Seatkeeper is authorized");
				assertThat(login.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCode.OK.code());
				assertThat(output).contains("Stored the tokens of profile acme-rt (encrypted) for " + sandbox.baseUrl());
				SalesforceTokenStore store = app.bean(SalesforceTokenStore.class);
				String refreshToken = store.load("acme-rt").orElseThrow().refreshToken().getTokenValue();
				assertThat(app.jdbc().queryForObject("SELECT refresh_token FROM sf_oauth_token WHERE registration_id = 'acme-rt'",
						String.class))
					.as("stored encrypted")
					.doesNotContain(refreshToken);

				store.invalidateAccessToken("acme-rt");
				var profile = ProfileCatalog.load(profiles, variable -> String.valueOf(properties.get(variable))).require("acme-rt");
				assertThat(app.run(profile, LocalDate.of(2026, 11, 27)).exitCode()).isEqualTo(ExitCode.OK);
				assertThat(store.load("acme-rt").orElseThrow().refreshToken().getTokenValue())
					.as("the rotated refresh token replaced the first one")
					.isNotEqualTo(refreshToken);
				assertThat(output).doesNotContain(refreshToken);
			}
		}
	}

	private Path refreshTokenProfile(Sandbox sandbox) throws IOException {
		Path profiles = Files.createDirectories(this.work.resolve("profiles"));
		Files.writeString(profiles.resolve("acme-rt.yaml"), """
				name: acme-rt
				status: published
				salesforce:
				  loginUrl: %s
				  allowLoopback: true
				  auth:
				    flow: refresh-token
				    clientId: %s
				    clientSecret: ${%s}
				""".formatted(sandbox.baseUrl(), sandbox.clientApp().clientId(), TestProfiles.SECRET_VARIABLE));
		return profiles;
	}

	private static URI awaitAuthorizeUrl(CapturedOutput output) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			for (String line : output.getOut().split("\n")) {
				if (line.trim().startsWith("http") && line.contains("/services/oauth2/authorize")) {
					return URI.create(line.trim());
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("auth login printed no authorize URL:\n" + output);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
