package dev.seatkeeper.reclamation.rules;

import static dev.seatkeeper.reclamation.rules.Holdings.AS_OF;
import static dev.seatkeeper.reclamation.rules.Holdings.aHolding;
import static dev.seatkeeper.reclamation.rules.Holdings.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;

import dev.seatkeeper.profile.ReclamationSettings;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import org.junit.jupiter.api.Test;

class ExclusionTests {

	@Test
	void listedUsernamesAndEmailsAreExcludedWhateverTheirCase() {
		ListedUserExclusion listed = new ListedUserExclusion(List.of("Boss@Example.com ", "ops@example.com"));

		assertThat(listed.reason(aHolding().username("boss@example.com").email(null).build(), AS_OF))
			.isEqualTo("username boss@example.com is excluded");
		assertThat(listed.reason(aHolding().username("o'brien@example.com").email("OPS@example.com").build(), AS_OF))
			.isEqualTo("email OPS@example.com is excluded");
		assertThat(listed.reason(aHolding().username("ada@example.com").email("ada@example.com").build(), AS_OF))
			.isNull();
	}

	@Test
	void usersOfAListedSalesforceProfileAreExcluded() {
		ProfileNameExclusion profiles = new ProfileNameExclusion(List.of("System Administrator"));

		assertThat(profiles.reason(aHolding().profileName("System Administrator").build(), AS_OF))
			.isEqualTo("Salesforce profile System Administrator is excluded");
		assertThat(profiles.reason(aHolding().profileName("Standard User").build(), AS_OF)).isNull();
	}

	@Test
	void portalAndGuestUserTypesAreExcludedByDefault() {
		UserTypeExclusion defaults = new UserTypeExclusion(ReclamationSettings.Exclusions.DEFAULT_USER_TYPES);

		assertThat(defaults.reason(aHolding().userType("Guest").build(), AS_OF)).isEqualTo("user type Guest is excluded");
		assertThat(defaults.reason(aHolding().userType("PowerCustomerSuccess").build(), AS_OF)).isNotNull();
		assertThat(defaults.reason(aHolding().userType("Standard").build(), AS_OF)).isNull();
	}

	@Test
	void holdersOfAnExcludedPermissionSetAreExcludedWhicheverLengthTheirIdHas() {
		PermissionSetExclusion sets = new PermissionSetExclusion(new PermissionSetHolders(
				Map.of("005000000000001", "permission set Keep_License")));

		assertThat(sets.reason(aHolding().user("005000000000001AAA").build(), AS_OF))
			.isEqualTo("permission set Keep_License is excluded");
		assertThat(sets.reason(aHolding().user("005000000000002AAA").build(), AS_OF)).isNull();
		assertThat(new PermissionSetExclusion(PermissionSetHolders.NONE).reason(aHolding().build(), AS_OF)).isNull();
	}

	@Test
	void aProfileThatExcludesPermissionSetsNeedsTheirHoldersLookedUp() {
		ReclamationSettings listingSets = new ReclamationSettings(Mode.DETECT, List.of(),
				new ReclamationSettings.Exclusions(List.of(), List.of(), List.of(), List.of("Keep_License")), 100, 0.05, 30);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> Exclusions.of(listingSets, null))
			.withMessageContaining("their holders must be looked up");
		assertThat(Exclusions.of(listingSets, null, new PermissionSetHolders(Map.of("005000000000001", "permission set Keep_License")))
			.reason(aHolding().user("005000000000001AAA").build(), AS_OF)).isEqualTo("permission set Keep_License is excluded");
	}

	@Test
	void usersCreatedWithinTheGraceDaysAreExcludedAndExactlyAtTheEdgeAreNot() {
		NewUserGrace grace = new NewUserGrace(30);

		assertThat(grace.reason(aHolding().created(daysAgo(29)).build(), AS_OF))
			.isEqualTo("created 2026-10-29T02:00:00Z, within the 30-day grace for new users");
		assertThat(grace.reason(aHolding().created(daysAgo(30).plusSeconds(1)).build(), AS_OF)).isNotNull();
		assertThat(grace.reason(aHolding().created(daysAgo(30)).build(), AS_OF)).isNull();
		assertThat(grace.reason(aHolding().created(null).build(), AS_OF)).isNull();
	}

	@Test
	void theIntegrationUserIsAlwaysExcluded() {
		IntegrationUserExclusion integration = new IntegrationUserExclusion("005000000000009AAA");

		assertThat(integration.reason(aHolding().user("005000000000009AAA").build(), AS_OF))
			.isEqualTo("the integration user");
		assertThat(integration.reason(aHolding().user("005000000000001AAA").build(), AS_OF)).isNull();
		assertThat(new IntegrationUserExclusion(null).reason(aHolding().build(), AS_OF)).isNull();
	}

	@Test
	void theProfilesExclusionsReportTheIntegrationUserFirstAndEvenWithNoListsConfigured() {
		ReclamationSettings nothingListed = new ReclamationSettings(Mode.DETECT, List.of(),
				new ReclamationSettings.Exclusions(List.of(), List.of(), List.of(), List.of()), 0, 0, 0);
		ReclamationSettings everythingListed = new ReclamationSettings(Mode.DETECT, List.of(),
				new ReclamationSettings.Exclusions(List.of("ada@example.com"), List.of(), List.of(), List.of()), 0, 0, 0);

		assertThat(Exclusions.of(nothingListed, "005000000000001AAA").reason(aHolding().build(), AS_OF))
			.isEqualTo("the integration user");
		assertThat(Exclusions.of(everythingListed, "005000000000001AAA").reason(aHolding().build(), AS_OF))
			.isEqualTo("the integration user");
		assertThat(Exclusions.of(everythingListed, null).reason(aHolding().build(), AS_OF))
			.isEqualTo("username ada@example.com is excluded");
		assertThat(Exclusions.of(nothingListed, null).reason(aHolding().build(), AS_OF)).isNull();
	}

}
