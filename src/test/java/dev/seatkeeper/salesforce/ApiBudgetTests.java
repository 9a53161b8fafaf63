package dev.seatkeeper.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;

class ApiBudgetTests {

	@Test
	void unknownUntilTheFirstHeader() {
		ApiBudget budget = new ApiBudget("acme", 0.25);

		budget.reserveCall();
		budget.endCall();

		assertThat(budget.allowed()).isEqualTo(-1);
		assertThat(budget.lastUsage()).isNull();
	}

	@Test
	void allowsUpToTheFloorOfTheShare() {
		ApiBudget budget = new ApiBudget("acme", 0.25);
		budget.recordLimitInfo("api-usage=3749/15001");

		budget.reserveCall();
		budget.recordLimitInfo("api-usage=3750/15001");
		budget.endCall();

		assertThat(budget.allowed()).isEqualTo(3750);
		assertThat(budget.isExhausted()).isTrue();
		assertThatExceptionOfType(ApiBudgetExhaustedException.class).isThrownBy(budget::reserveCall)
			.withMessageContaining("3750 of 15001");
	}

	@Test
	void callsUnderWayCountAgainstTheBudgetSoConcurrentCallersCannotOvershoot() {
		ApiBudget budget = new ApiBudget("acme", 0.25);
		budget.recordLimitInfo("api-usage=3748/15001");

		budget.reserveCall();
		budget.reserveCall();

		assertThatExceptionOfType(ApiBudgetExhaustedException.class).isThrownBy(budget::reserveCall);
		budget.endCall();
		budget.endCall();
		budget.reserveCall();
		assertThat(budget.callsMade()).isEqualTo(3);
	}

	@Test
	void ignoresForeignHeadersAndCountsCalls() {
		ApiBudget budget = new ApiBudget("acme", 1.0);
		budget.recordLimitInfo("per-app-api-usage=2/250(appName=sample-app)");
		budget.recordLimitInfo(null);
		budget.reserveCall();
		budget.endCall();
		budget.reserveCall();
		budget.endCall();

		assertThat(budget.lastUsage()).isNull();
		assertThat(budget.callsMade()).isEqualTo(2);
	}

	@Test
	void anOlderAnswerArrivingLateDoesNotLowerTheUsage() {
		ApiBudget budget = new ApiBudget("acme", 1.0);
		budget.recordLimitInfo("api-usage=11/5000");
		budget.recordLimitInfo("api-usage=10/5000");

		assertThat(budget.lastUsage()).isEqualTo(new ApiBudget.Usage(11, 5000));
	}

	@Test
	void readsApiUsageNextToPerAppUsage() {
		ApiBudget budget = new ApiBudget("acme", 1.0);
		budget.recordLimitInfo("api-usage=25/5000; per-app-api-usage=17/250(appName=sample-connected-app)");

		assertThat(budget.lastUsage()).isEqualTo(new ApiBudget.Usage(25, 5000));
	}

}
