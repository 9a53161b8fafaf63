package dev.seatkeeper.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import dev.seatkeeper.profile.ActivitySettings;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings;
import dev.seatkeeper.profile.ReclamationSettings.Exclusions;
import dev.seatkeeper.profile.SalesforceSettings;
import dev.seatkeeper.profile.SalesforceSettings.AuthFlow;
import dev.seatkeeper.profile.SalesforceSettings.AuthSettings;
import dev.seatkeeper.profile.SecretReference;
import dev.seatkeeper.sandbox.Sandbox;

/** Profiles that reach a test's sandbox as a real org would be reached: login URL, client credentials by reference. */
public final class TestProfiles {

	/** The environment variable the profiles name for the client secret; {@link #properties} sets it. */
	public static final String SECRET_VARIABLE = "SANDBOX_CLIENT_SECRET";

	private TestProfiles() {
	}

	public static Profile of(String name, Sandbox sandbox) {
		return of(name, sandbox, new ActivitySettings(180, 30, 4), 1.0);
	}

	public static Profile of(String name, Sandbox sandbox, ActivitySettings activity, double apiBudgetShare) {
		AuthSettings auth = new AuthSettings(AuthFlow.CLIENT_CREDENTIALS, sandbox.clientApp().clientId(),
				new SecretReference(SECRET_VARIABLE), null, null);
		SalesforceSettings salesforce = new SalesforceSettings(URI.create(sandbox.baseUrl()), "62.0", auth, true,
				apiBudgetShare, 2000, null);
		ReclamationSettings reclamation = new ReclamationSettings(ReclamationSettings.Mode.DETECT, List.of(),
				new Exclusions(List.of(), List.of(), Exclusions.DEFAULT_USER_TYPES, List.of()), 100, 0.05, 30);
		return new Profile(name, name, Profile.Status.PUBLISHED, Path.of(name + ".yaml"), salesforce, activity, List.of(),
				List.of(), reclamation);
	}

	public static java.util.Map<String, Object> properties(Sandbox sandbox) {
		return java.util.Map.of(SECRET_VARIABLE, sandbox.clientApp().clientSecret());
	}

}
