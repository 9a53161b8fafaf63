package dev.seatkeeper.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.SalesforceSettings.AuthFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCatalogTests {

	private static final Map<String, String> ENVIRONMENT = Map.of("SF_ACME_CLIENT_ID", "3MVG9id",
			"SF_ACME_CLIENT_SECRET", "s3cr3t", "SF_ACME_JWT_PRIVATE_KEY", "-----BEGIN PRIVATE KEY-----");

	@TempDir
	Path directory;

	@Test
	void shippedProfilesAreValid() {
		ProfileCatalog catalog = ProfileCatalog.load(Path.of("jobs/profiles"), variable -> null);
		assertThat(catalog.problems()).isEmpty();
		Profile demo = catalog.require("demo");
		assertThat(demo.isPublished()).isTrue();
		assertThat(demo.salesforce().isSandbox()).isTrue();
		assertThat(demo.salesforce().sandbox().users()).isEqualTo(2000);
		assertThat(catalog.published()).extracting(Profile::name).containsExactly("demo");
		assertThat(catalog.require("example-acme").reclamation().rules()).extracting(ReclamationSettings.Rule::action)
			.containsExactly(Action.DEACTIVATE, Action.REMOVE_PERMISSION_SET_LICENSE, Action.REMOVE_PERMISSION_SET_LICENSE,
					Action.REMOVE_PACKAGE_LICENSE);
	}

	@Test
	void readsARealOrgProfileWithDefaults() throws IOException {
		write("acme.yaml", """
				name: acme
				displayName: ACME
				status: published
				salesforce:
				  loginUrl: https://acme.my.salesforce.com
				  auth:
				    flow: client-credentials
				    clientId: ${SF_ACME_CLIENT_ID}
				    clientSecret: ${SF_ACME_CLIENT_SECRET}
				""");
		Profile acme = load().requireValid().require("acme");
		assertThat(acme.salesforce().auth().flow()).isEqualTo(AuthFlow.CLIENT_CREDENTIALS);
		assertThat(acme.salesforce().auth().clientSecret()).isEqualTo(new SecretReference("SF_ACME_CLIENT_SECRET"));
		assertThat(acme.salesforce().apiVersion()).isEqualTo("62.0");
		assertThat(acme.salesforce().allowLoopback()).isFalse();
		assertThat(acme.activity().backfillDays()).isEqualTo(180);
		assertThat(acme.reclamation().mode()).isEqualTo(Mode.DETECT);
		assertThat(acme.reclamation().exclusions().userTypes()).contains("Guest", "PowerPartner");
	}

	@Test
	void everyProblemNamesTheFileAndTheField() throws IOException {
		Path file = write("broken.yaml", """
				name: Broken_Name
				status: live
				colour: blue
				salesforce:
				  loginUrl: http://acme.my.salesforce.com
				  apiBudgetShare: 1.5
				  auth:
				    flow: magic
				    clientId: abc
				    clientSecret: hunter2
				reclamation:
				  mode: delete-everyone
				  rules:
				    - name: r1
				      lastActivityThresholdDays: -3
				""");
		ProfileCatalog catalog = load();
		assertThat(catalog.profiles()).isEmpty();
		assertThat(catalog.problems()).allSatisfy(problem -> assertThat(problem).startsWith(file + ": "))
			.anySatisfy(problem -> assertThat(problem).contains("name: must be lower-case"))
			.anySatisfy(problem -> assertThat(problem).contains("status: must be one of [draft, published], got 'live'"))
			.anySatisfy(problem -> assertThat(problem).contains("colour: unknown key"))
			.anySatisfy(problem -> assertThat(problem).contains("salesforce.loginUrl: must be an https URL"))
			.anySatisfy(problem -> assertThat(problem).contains("salesforce.apiBudgetShare: must be a number greater than 0"))
			.anySatisfy(problem -> assertThat(problem).contains("salesforce.auth.flow: must be one of"))
			.anySatisfy(problem -> assertThat(problem).contains("salesforce.auth.clientSecret: must be an environment reference"))
			.anySatisfy(problem -> assertThat(problem).contains("reclamation.mode: must be one of [detect, dry-run, enforce]"))
			.anySatisfy(problem -> assertThat(problem).contains("reclamation.rules[0].appliesTo: is required"))
			.anySatisfy(problem -> assertThat(problem).contains("reclamation.rules[0].lastActivityThresholdDays: must be a whole number"))
			.anySatisfy(problem -> assertThat(problem).contains("reclamation.rules[0].action: is required"));
		assertThat(String.join("\n", catalog.problems())).doesNotContain("hunter2");
	}

	@Test
	void missingRequiredFieldsAreReported() throws IOException {
		write("empty.yaml", "displayName: nothing else\n");
		assertThat(load().problems()).anySatisfy(problem -> assertThat(problem).contains("name: is required"))
			.anySatisfy(problem -> assertThat(problem).contains("status: is required"))
			.anySatisfy(problem -> assertThat(problem).contains("salesforce: is required"));
	}

	@Test
	void unsetEnvironmentVariablesFailPublishedProfilesOnly() throws IOException {
		String profile = """
				name: %s
				status: %s
				salesforce:
				  loginUrl: https://login.salesforce.com
				  auth: {flow: client-credentials, clientId: "${SF_OTHER_ID}", clientSecret: "${SF_OTHER_SECRET}"}
				""";
		write("live.yaml", profile.formatted("live", "published"));
		write("draft.yaml", profile.formatted("sketch", "draft"));
		ProfileCatalog catalog = load();
		assertThat(catalog.profiles()).extracting(Profile::name).containsExactly("sketch");
		assertThat(catalog.problems()).containsExactlyInAnyOrder(
				this.directory.resolve("live.yaml") + ": salesforce.auth.clientId: environment variable SF_OTHER_ID is not set",
				this.directory.resolve("live.yaml") + ": salesforce.auth.clientSecret: environment variable SF_OTHER_SECRET is not set");
	}

	@Test
	void jwtBearerNeedsAUsernameAndAPrivateKeyReference() throws IOException {
		write("jwt.yaml", """
				name: jwt
				status: published
				salesforce:
				  loginUrl: https://login.salesforce.com
				  auth: {flow: jwt-bearer, clientId: abc}
				""");
		assertThat(load().problems()).anySatisfy(problem -> assertThat(problem).contains("salesforce.auth.username: is required"))
			.anySatisfy(problem -> assertThat(problem).contains("salesforce.auth.privateKey: is required"))
			.noneSatisfy(problem -> assertThat(problem).contains("clientSecret"));
	}

	@Test
	void duplicateNamesAreRejected() throws IOException {
		String profile = "name: twin\nstatus: draft\nsalesforce: {sandbox: {users: 10}}\n";
		write("a.yaml", profile);
		write("b.yml", profile);
		ProfileCatalog catalog = load();
		assertThat(catalog.problems()).containsExactly(this.directory.resolve("b.yml") + ": name: 'twin' is already the name of "
				+ this.directory.resolve("a.yaml"));
		assertThatExceptionOfType(InvalidProfilesException.class).isThrownBy(catalog::requireValid)
			.withMessageContaining("already the name of");
	}

	@Test
	void entitlementsNeedAQuantityOrUnlimited() throws IOException {
		write("ent.yaml", """
				name: ent
				status: draft
				salesforce: {sandbox: {users: 10}}
				entitlements:
				  licenses:
				    - {model: "UserLicense:SFDC", unitPrice: 10, currency: usd}
				    - {model: "PackageLicense:x", unlimited: true, termStart: 2026-02-01, termEnd: 2026-01-01}
				""");
		assertThat(load().problems()).anySatisfy(problem -> assertThat(problem).contains("entitlements.licenses[0].quantity: give either"))
			.anySatisfy(problem -> assertThat(problem).contains("entitlements.licenses[0].currency: must be an ISO 4217 code"))
			.anySatisfy(problem -> assertThat(problem).contains("entitlements.licenses[1].termEnd: is before termStart"));
	}

	@Test
	void oneModelPricedInTwoCurrenciesIsAProblem() throws IOException {
		write("fx.yaml", """
				name: fx
				status: draft
				salesforce: {sandbox: {users: 10}}
				entitlements:
				  licenses:
				    - {model: "UserLicense:SFDC", quantity: 10, unitPrice: 10, currency: USD}
				    - {model: "UserLicense:SFDC", quantity: 5, unitPrice: 9, currency: EUR}
				    - {model: "FeatureLicense:SupportUser", quantity: 5, unitPrice: 9, currency: EUR}
				""");
		assertThat(load().problems()).singleElement()
			.asString()
			.contains("entitlements.licenses: model 'UserLicense:SFDC' is priced in [EUR, USD]");
	}

	@Test
	void excludedPermissionSetsAreNamedByApiNameNotLabel() throws IOException {
		write("sets.yaml", """
				name: sets
				status: draft
				salesforce: {sandbox: {users: 10}}
				reclamation:
				  exclusions:
				    permissionSets: [Keep_License, "Keep License", {name: x}]
				""");
		assertThat(load().problems()).anySatisfy(problem -> assertThat(problem)
			.endsWith("sets.yaml: reclamation.exclusions.permissionSets: 'Keep License' is not a permission set API name "
					+ "(PermissionSet.Name: letters, digits and underscores, e.g. Keep_License); labels cannot be matched"))
			.anySatisfy(problem -> assertThat(problem)
				.endsWith("reclamation.exclusions.permissionSets: must be a list of strings"))
			.hasSize(2);
		write("sets.yaml", """
				name: sets
				status: draft
				salesforce: {sandbox: {users: 10}}
				reclamation: {exclusions: {permissionSets: [Keep_License, CPQ_Admin2]}}
				""");
		ProfileCatalog valid = load();
		assertThat(valid.problems()).isEmpty();
		assertThat(valid.profiles().get(0).reclamation().exclusions().permissionSets())
			.containsExactly("Keep_License", "CPQ_Admin2");
	}

	@Test
	void rulesOnDeactivatedUsersSeatsRemoveLicensesOnly() throws IOException {
		write("inactive.yaml", """
				name: inactive
				status: draft
				salesforce: {sandbox: {users: 10}}
				reclamation:
				  rules:
				    - {name: wrong, appliesTo: [user-license, package-license], action: deactivate, notifyUser: true,
				       holders: inactive-users}
				""");
		assertThat(load().problems())
			.anySatisfy(problem -> assertThat(problem).endsWith("reclamation.rules[0].appliesTo: 'user-license' cannot "
					+ "be held by a deactivated user: a rule with holders: inactive-users applies to permission-set-license"
					+ " and package-license models only"))
			.anySatisfy(problem -> assertThat(problem).contains("reclamation.rules[0].action: must be "
					+ "remove-permission-set-license or remove-package-license with holders: inactive-users"))
			.anySatisfy(problem -> assertThat(problem).contains("reclamation.rules[0].notifyUser: must be false"))
			.hasSize(3);
		write("inactive.yaml", """
				name: inactive
				status: draft
				salesforce: {sandbox: {users: 10}}
				reclamation:
				  rules:
				    - {name: seats-of-leavers, appliesTo: [permission-set-license, "PermissionSetLicense:SalesConsoleUser"],
				       action: remove-permission-set-license, holders: inactive-users, lastActivityThresholdDays: 30}
				""");
		ProfileCatalog valid = load();
		assertThat(valid.problems()).isEmpty();
		assertThat(valid.profiles().get(0).reclamation().rules().get(0).holders())
			.isEqualTo(ReclamationSettings.Holders.INACTIVE_USERS);
	}

	@Test
	void invalidYamlAndAMissingDirectoryAreReported() throws IOException {
		write("bad.yaml", "name: [unclosed\n");
		assertThat(load().problems()).singleElement().asString().contains("bad.yaml: not valid YAML");
		assertThat(ProfileCatalog.load(this.directory.resolve("nowhere"), variable -> null).problems()).singleElement()
			.asString()
			.contains("profiles directory does not exist");
	}

	private ProfileCatalog load() {
		return ProfileCatalog.load(this.directory, ENVIRONMENT::get);
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(this.directory.resolve(name), text);
	}

}
