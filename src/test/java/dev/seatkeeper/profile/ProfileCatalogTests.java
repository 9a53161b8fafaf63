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
		assertThat(acme.salesforce().apiVersion()).as("a current GA version").isEqualTo("66.0");
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
				  loginUrl: https://other.my.salesforce.com
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
	void aDowngradeRuleNeedsOneDowngradeOfUserLicensesWithATargetProfile() throws IOException {
		write("downgrade.yaml", """
				name: downgrade
				status: draft
				salesforce: {sandbox: {users: 10}}
				reclamation:
				  rules:
				    - {name: wrong, appliesTo: [UserLicense:SFDC, UserLicense:GUEST, UserLicense:CSN_User, user-license],
				       action: downgrade, lastActivityThresholdDays: 30}
				downgrades:
				  - {from: UserLicense:SFDC, to: UserLicense:AUL, requires: [Opportunity]}
				  - {from: UserLicense:GUEST, to: UserLicense:AUL, requires: [Case], targetProfile: A}
				  - {from: UserLicense:GUEST, to: UserLicense:AUL, requires: [Lead], targetProfile: B}
				""");
		assertThat(load().problems()).containsExactlyInAnyOrder(
				problem("reclamation.rules[0].lastActivityThresholdDays: does not apply to a downgrade rule: the"
						+ " downgrade's requires and thresholdDays decide"),
				problem("reclamation.rules[0].appliesTo: 'UserLicense:SFDC': its downgrade to UserLicense:AUL names no"
						+ " targetProfile, the Salesforce profile (of UserLicense:AUL) to move users to"),
				problem("reclamation.rules[0].appliesTo: 'UserLicense:GUEST' is the from of 2 downgrades; a downgrade"
						+ " rule needs exactly one"),
				problem("reclamation.rules[0].appliesTo: 'UserLicense:CSN_User' is the from of no entry of downgrades;"
						+ " a downgrade rule needs one to know the cheaper license and its targetProfile"),
				problem("reclamation.rules[0].appliesTo: 'user-license': a downgrade rule applies to user licenses only"
						+ " (it changes the user's profile), e.g. UserLicense:SFDC"));

		write("downgrade.yaml", """
				name: downgrade
				status: draft
				salesforce: {sandbox: {users: 10}}
				reclamation:
				  mode: enforce
				  rules:
				    - {name: to-platform, appliesTo: [UserLicense:SFDC], action: downgrade, requireApproval: true}
				downgrades:
				  - {from: UserLicense:SFDC, to: UserLicense:AUL, requires: [Opportunity, Lead], targetProfile: Standard Platform User}
				""");
		ProfileCatalog valid = load();
		assertThat(valid.problems()).isEmpty();
		ReclamationSettings.Rule rule = valid.profiles().get(0).reclamation().rules().get(0);
		assertThat(rule.action()).isEqualTo(ReclamationSettings.Action.DOWNGRADE);
		assertThat(rule.judgesLogins()).isFalse();
		assertThat(rule.downgradeOf("UserLicense:SFDC")).isEqualTo(valid.profiles().get(0).downgrades().get(0));
	}

	private String problem(String text) {
		return this.directory.resolve("downgrade.yaml") + ": " + text;
	}

	@Test
	void invalidYamlAndAMissingDirectoryAreReported() throws IOException {
		write("bad.yaml", "name: [unclosed\n");
		assertThat(load().problems()).singleElement().asString().contains("bad.yaml: not valid YAML");
		assertThat(ProfileCatalog.load(this.directory.resolve("nowhere"), variable -> null).problems()).singleElement()
			.asString()
			.contains("profiles directory does not exist");
	}

	@Test
	void clientCredentialsNeedTheOrgsMyDomain() throws IOException {
		String profile = """
				name: %s
				status: published
				salesforce:
				  loginUrl: %s
				  auth: {flow: client-credentials, clientId: "${SF_ACME_CLIENT_ID}", clientSecret: "${SF_ACME_CLIENT_SECRET}"}
				""";
		write("login.yaml", profile.formatted("login", "https://login.salesforce.com"));
		write("test.yaml", profile.formatted("test", "https://TEST.salesforce.com/"));
		write("mydomain.yaml", profile.formatted("mydomain", "https://acme--uat.sandbox.my.salesforce.com"));
		ProfileCatalog catalog = load();
		assertThat(catalog.profiles()).extracting(Profile::name).containsExactly("mydomain");
		assertThat(catalog.problems()).hasSize(2)
			.allSatisfy(problem -> assertThat(problem).contains("salesforce.loginUrl: the client credentials flow works"
					+ " only on the org's My Domain; use https://<domain>.my.salesforce.com"));
	}

	@Test
	void loginUrlsMustBeSalesforceHostsAndAllowLoopbackOpensOnlyLoopback() throws IOException {
		String profile = """
				name: %s
				status: published
				salesforce:
				  loginUrl: %s
				  allowLoopback: %s
				  auth: {flow: client-credentials, clientId: "${SF_ACME_CLIENT_ID}", clientSecret: "${SF_ACME_CLIENT_SECRET}"}
				""";
		write("documentation.yaml", profile.formatted("documentation", "http://192.0.2.2:18601", "true"));
		write("elsewhere.yaml", profile.formatted("elsewhere", "https://acme.example.com", "false"));
		write("lookalike.yaml", profile.formatted("lookalike", "https://acme.my.salesforce.com.example.com", "true"));
		write("loopback.yaml", profile.formatted("loopback", "http://127.0.0.2:8443", "false"));
		write("local.yaml", profile.formatted("local", "http://127.0.0.2:8443", "true"));
		write("ipv6.yaml", profile.formatted("ipv6", "http://[::1]:8443", "true"));
		write("mil.yaml", profile.formatted("mil", "https://acme.my.salesforce.mil", "false"));
		write("alt.yaml", profile.formatted("alt", "https://acme.my-salesforce.com", "false"));
		write("cn.yaml", profile.formatted("cn", "https://acme.my.sfcrmproducts.cn", "false"));
		ProfileCatalog catalog = load();
		assertThat(catalog.profiles()).extracting(Profile::name)
			.containsExactlyInAnyOrder("local", "ipv6", "mil", "alt", "cn");
		assertThat(catalog.problems()).hasSize(4)
			.anySatisfy(problem -> assertThat(problem).startsWith(this.directory.resolve("documentation.yaml") + ": ")
				.contains("'192.0.2.2' is not a Salesforce domain"))
			.anySatisfy(problem -> assertThat(problem).contains("'acme.example.com' is not a Salesforce domain"))
			.anySatisfy(problem -> assertThat(problem).contains("'acme.my.salesforce.com.example.com' is not a Salesforce domain"))
			.anySatisfy(problem -> assertThat(problem).contains("is a loopback address; allowed only with allowLoopback: true"));
	}

	@Test
	void retiredApiVersionsAreRefused() throws IOException {
		write("old.yaml", """
				name: old
				status: published
				salesforce: {apiVersion: "30.0", sandbox: {users: 10}}
				""");
		write("supported.yaml", """
				name: supported
				status: published
				salesforce: {apiVersion: "31.0", sandbox: {users: 10}}
				""");
		ProfileCatalog catalog = load();
		assertThat(catalog.profiles()).extracting(Profile::name).containsExactly("supported");
		assertThat(catalog.problems()).containsExactly(this.directory.resolve("old.yaml")
				+ ": salesforce.apiVersion: 30.0 is retired (Salesforce answers 410 GONE to versions up to 30.0); use 66.0"
				+ " or leave apiVersion out for the default");
	}

	@Test
	void jwtBearerTakesAnExplicitAudienceWithoutTrailingSlash() throws IOException {
		String profile = """
				name: %s
				status: published
				salesforce:
				  loginUrl: https://acme.my.salesforce.com
				  auth: {flow: %s, clientId: abc, username: int@acme.com, privateKey: "${SF_ACME_JWT_PRIVATE_KEY}",
				         clientSecret: "${SF_ACME_CLIENT_SECRET}", audience: "https://test.salesforce.com//"}
				""";
		write("jwt.yaml", profile.formatted("jwt", "jwt-bearer"));
		write("cc.yaml", profile.formatted("cc", "client-credentials"));
		ProfileCatalog catalog = load();
		assertThat(catalog.profiles()).extracting(Profile::name).containsExactly("jwt");
		assertThat(catalog.require("jwt").salesforce().auth().audience()).isEqualTo("https://test.salesforce.com");
		assertThat(catalog.problems()).containsExactly(this.directory.resolve("cc.yaml")
				+ ": salesforce.auth.audience: applies to the jwt-bearer flow only");
	}

	@Test
	void aKeyWrittenTwiceIsRefusedWithItsLineInsteadOfTheLastOneWinning() throws IOException {
		Path file = write("twice.yaml", """
				name: twice
				status: draft
				salesforce: {sandbox: {users: 10}}
				reclamation:
				  mode: detect
				  rules:
				    - name: idle
				      appliesTo: [user-license]
				      action: deactivate
				      action: freeze
				  maxPerRun: 10
				  mode: enforce
				""");
		ProfileCatalog catalog = load();
		assertThat(catalog.profiles()).isEmpty();
		assertThat(catalog.problems()).containsExactly(
				file + ":10: reclamation.rules[0].action: duplicate key (first on line 9); YAML would keep only the last value, so remove one of them",
				file + ":12: reclamation.mode: duplicate key (first on line 5); YAML would keep only the last value, so remove one of them");
	}

	@Test
	void twoRulesOfOneNameAreRefused() throws IOException {
		write("rules.yaml", """
				name: rules
				status: draft
				salesforce: {sandbox: {users: 10}}
				reclamation:
				  rules:
				    - {name: idle, appliesTo: [user-license], action: deactivate}
				    - {name: other, appliesTo: [package-license], action: remove-package-license}
				    - {name: idle, appliesTo: ["PermissionSetLicense:SalesConsoleUser"], action: remove-permission-set-license}
				""");
		assertThat(load().problems()).singleElement().asString()
			.endsWith("rules.yaml: reclamation.rules[2].name: 'idle' is already the name of rules[0]; rule names must be unique");
	}

	@Test
	void appliesToNamesAKindOrAModelIdentifier() throws IOException {
		write("targets.yaml", """
				name: targets
				status: draft
				salesforce: {sandbox: {users: 10}}
				reclamation:
				  rules:
				    - name: idle
				      appliesTo: [User-License, "UserLicense:SFDC", "PackageLicense:sbqq", salesforce, "Licence:SFDC", "UserLicense:"]
				      action: deactivate
				""");
		assertThat(load().problems()).extracting(problem -> problem.substring(problem.indexOf("appliesTo: ") + 11, problem.indexOf(" is neither")))
			.containsExactly("'salesforce'", "'Licence:SFDC'", "'UserLicense:'");
	}

	@Test
	void numbersOutOfRangeAreFieldProblemsAndOtherFilesAreStillReported() throws IOException {
		Path numbers = write("numbers.yaml", """
				name: numbers
				status: draft
				salesforce: {sandbox: {users: 10, seed: 99999999999999999999999}}
				entitlements:
				  licenses:
				    - {model: "UserLicense:SFDC", quantity: 10, unitPrice: 1e400}
				    - {model: "UserLicense:SFDC", quantity: 99999999999, unitPrice: 2000000}
				  consumption:
				    - {metric: ApiCalls, allowed: -1e400}
				""");
		Path other = write("other.yaml", "name: other\nstatus: bogus\nsalesforce: {sandbox: {users: 10}}\n");
		ProfileCatalog catalog = load();
		assertThat(catalog.profiles()).isEmpty();
		assertThat(catalog.problems()).containsExactly(
				numbers + ": salesforce.sandbox.seed: must be a whole number from -9223372036854775808 to 9223372036854775807, got 99999999999999999999999",
				numbers + ": entitlements.licenses[0].unitPrice: must be a number from 0 to 1000000, got a number too large to represent",
				numbers + ": entitlements.licenses[1].quantity: must be a whole number from 0 to 2147483647, got 99999999999",
				numbers + ": entitlements.licenses[1].unitPrice: must be a number from 0 to 1000000, got 2000000",
				numbers + ": entitlements.consumption[0].allowed: must be a number from 0 to 1000000000000, got a number too large to represent",
				other + ": status: must be one of [draft, published], got 'bogus'");
	}

	private ProfileCatalog load() {
		return ProfileCatalog.load(this.directory, ENVIRONMENT::get);
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(this.directory.resolve(name), text);
	}

}
