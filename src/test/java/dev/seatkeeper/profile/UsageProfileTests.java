package dev.seatkeeper.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code activity.records} and rules on use, as profile files say them. */
class UsageProfileTests {

	private static final String HEAD = """
			name: acme
			status: published
			salesforce:
			  loginUrl: https://acme.my.salesforce.com
			  auth:
			    flow: client-credentials
			    clientId: ${ID}
			    clientSecret: ${SECRET}
			""";

	@TempDir
	Path directory;

	@Test
	void recordActivityIsOnWithTheDocumentedMapUnlessAProfileSaysOtherwise() throws IOException {
		Profile acme = load(HEAD);
		RecordActivitySettings records = acme.activity().records();
		assertThat(records.enabled()).isTrue();
		assertThat(records.backfillDays()).isEqualTo(365);
		assertThat(records.objectsOf("UserLicense:SFDC")).contains("Opportunity", "Lead", "Campaign", "Quote",
				"Contract");
		assertThat(records.objectsOf("FeatureLicense:SupportUser")).containsExactly("Case");
	}

	@Test
	void aLicenseNamedUnderObjectsReplacesItsDefaultAndTheOthersStay() throws IOException {
		Profile acme = load(HEAD + """
				activity:
				  records:
				    lookBackMinutes: 15
				    objects:
				      UserLicense:AUL: [Account, Contact, Project__c]
				      FeatureLicense:KnowledgeUser: []
				""");
		RecordActivitySettings records = acme.activity().records();
		assertThat(records.lookBackMinutes()).isEqualTo(15);
		assertThat(records.objectsOf("UserLicense:AUL")).containsExactly("Account", "Contact", "Project__c");
		assertThat(records.objectsOf("FeatureLicense:KnowledgeUser")).isEmpty();
		assertThat(records.objects()).contains("Project__c", "Opportunity").doesNotContain("Knowledge__kav");
	}

	@Test
	void badObjectNamesAndLicensesAreNamedWithTheirField() throws IOException {
		Files.writeString(this.directory.resolve("acme.yaml"), HEAD + """
				activity:
				  records:
				    objects:
				      SFDC: [Account]
				      UserLicense:AUL: ["Account; DELETE"]
				""");
		List<String> problems = ProfileCatalog.load(this.directory, Map.of("ID", "x", "SECRET", "y")::get).problems();
		assertThat(problems).anySatisfy((problem) -> assertThat(problem)
			.contains("activity.records.objects.SFDC: must name a license as a model identifier"));
		assertThat(problems).anySatisfy((problem) -> assertThat(problem)
			.contains("activity.records.objects.UserLicense:AUL: 'Account; DELETE' is not an object API name"));
	}

	@Test
	void aRuleWithOnlyAUseThresholdIgnoresLoginsAndOneWithBothRequiresBoth() throws IOException {
		Profile acme = load(HEAD + """
				reclamation:
				  rules:
				    - name: unused-sales
				      appliesTo: [UserLicense:SFDC]
				      lastUseThresholdDays: 90
				      action: deactivate
				    - name: idle-service
				      appliesTo: [FeatureLicense:SupportUser]
				      lastActivityThresholdDays: 30
				      lastUseThresholdDays: 90
				      action: deactivate
				    - name: logins-only
				      appliesTo: [user-license]
				      action: deactivate
				""");
		List<ReclamationSettings.Rule> rules = acme.reclamation().rules();
		assertThat(rules.get(0).judgesLogins()).isFalse();
		assertThat(rules.get(0).lastUseThresholdDays()).isEqualTo(90);
		assertThat(rules.get(1).lastActivityThresholdDays()).isEqualTo(30);
		assertThat(rules.get(1).lastUseThresholdDays()).isEqualTo(90);
		assertThat(rules.get(2).lastActivityThresholdDays()).isEqualTo(60);
		assertThat(rules.get(2).lastUseThresholdDays()).isNull();
	}

	private Profile load(String text) throws IOException {
		Files.writeString(this.directory.resolve("acme.yaml"), text);
		return ProfileCatalog.load(this.directory, Map.of("ID", "x", "SECRET", "y")::get).requireValid().require("acme");
	}

}
