package dev.seatkeeper.reconciliation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.seatkeeper.reconciliation.report.CrossOrgUsers.PaidSubscription;
import dev.seatkeeper.reconciliation.report.PortfolioReport.CrossOrgUser;
import org.junit.jupiter.api.Test;

class CrossOrgUsersTests {

	@Test
	void aPersonWithPaidLicensesInTwoOrgsIsMatchedByEmailIgnoringCase() {
		List<CrossOrgUser> users = CrossOrgUsers.of(List.of(
				new PaidSubscription("emea", "005A", "ann@emea.acme", "Ann.OBrien@Acme.com", "UserLicense:SFDC"),
				new PaidSubscription("emea", "005A", "ann@emea.acme", "Ann.OBrien@Acme.com", "PackageLicense:SBQQ"),
				new PaidSubscription("us", "005B", "ann@us.acme", "ann.obrien@acme.com", "UserLicense:SFDC"),
				new PaidSubscription("us", "005C", "bob@us.acme", "bob@acme.com", "UserLicense:SFDC")));

		assertThat(users).singleElement().satisfies(user -> {
			assertThat(user.identity()).isEqualTo("ann.obrien@acme.com");
			assertThat(user.holdings()).extracting(PortfolioReport.Holding::profile).containsExactly("emea", "us");
			assertThat(user.holdings().get(0).paidModels()).containsExactly("PackageLicense:SBQQ", "UserLicense:SFDC");
		});
	}

	@Test
	void withoutEmailTheUsernameIdentifiesAndTwoUsersOfOneOrgAreNotAMatch() {
		List<CrossOrgUser> users = CrossOrgUsers.of(List.of(
				new PaidSubscription("emea", "005A", "Shared.Admin@acme.com", null, "UserLicense:SFDC"),
				new PaidSubscription("us", "005B", "shared.admin@acme.com", " ", "UserLicense:SFDC"),
				new PaidSubscription("us", "005C", "x@acme.com", "same@acme.com", "UserLicense:SFDC"),
				new PaidSubscription("us", "005D", "y@acme.com", "same@acme.com", "UserLicense:SFDC")));

		assertThat(users).extracting(CrossOrgUser::identity).containsExactly("shared.admin@acme.com");
	}

}
