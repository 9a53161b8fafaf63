package dev.seatkeeper.reclamation.action;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cap arithmetic over rolling windows: what a day and a week leave, and what approvals already wait for. */
class ReclaimCapsTests {

	@Test
	void theDailyLimitIsTheSmallerOfPerRunAndTheShareLessTheWritesOfTheLast24Hours() {
		ReclaimCaps caps = new ReclaimCaps(10, 0.05);

		assertThat(caps.allowance(1000, new CapUsage(4, 4, 0)).writes()).isEqualTo(6);
		assertThat(caps.allowance(100, new CapUsage(0, 50, 0)).writes()).as("5% of 100; no weekly cap").isEqualTo(5);
		assertThat(caps.allowance(100, new CapUsage(7, 7, 0)).writes()).as("never negative").isZero();
	}

	@Test
	void aWeeklyCapBoundsTheWritesOfTheLastSevenDaysToo() {
		ReclaimCaps caps = new ReclaimCaps(10, 1.0, 25);

		assertThat(caps.allowance(1000, new CapUsage(0, 20, 0)).writes()).isEqualTo(5);
		assertThat(caps.allowance(1000, new CapUsage(0, 30, 0)).writes()).isZero();
		assertThat(caps.allowance(1000, new CapUsage(2, 2, 0)).writes()).as("the day's limit is lower").isEqualTo(8);
	}

	@Test
	void approvalsAlreadyWaitingTakeTheWritesLeftBeforeNewOnes() {
		ReclaimCaps.Allowance allowance = new ReclaimCaps(10, 0.05).allowance(1000, new CapUsage(3, 3, 5));

		assertThat(allowance.writes()).isEqualTo(7);
		assertThat(allowance.approvals()).isEqualTo(2);
		assertThat(allowance.summary()).isEqualTo("caps allow 7 (3 used in the last 24 h)");
		assertThat(new ReclaimCaps(10, 0.05).allowance(1000, new CapUsage(3, 3, 9)).approvals()).isZero();
	}

}
