package dev.seatkeeper.license;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeatCountingTests {

	@Test
	void deactivationFreesUserAndFeatureLicensesOnly() {
		assertThat(SeatCounting.inactiveHolderUsesSeat("UserLicense:SFDC", "Salesforce")).isFalse();
		assertThat(SeatCounting.inactiveHolderUsesSeat("FeatureLicense:SupportUser", "Service Cloud User")).isFalse();
		assertThat(SeatCounting.inactiveHolderUsesSeat("PermissionSetLicense:SalesConsoleUser", "Sales Console User"))
			.isTrue();
		assertThat(SeatCounting.inactiveHolderUsesSeat("PackageLicense:SBQQ", "SBQQ")).isTrue();
	}

	@Test
	void cpqBillingAndAdvancedApprovalsAreReleasedOnDeactivation() {
		assertThat(SeatCounting.inactiveHolderUsesSeat("PermissionSetLicense:SalesforceCPQ_CPQStandardPerm",
				"Salesforce CPQ License")).isFalse();
		assertThat(SeatCounting.inactiveHolderUsesSeat("PermissionSetLicense:SalesforceCPQ_CPQAAPerm", "anything"))
			.isFalse();
		assertThat(SeatCounting.inactiveHolderUsesSeat("PermissionSetLicense:SomeBillingName", "Salesforce Billing License"))
			.as("matched by label where the developer name differs")
			.isFalse();
	}

}
