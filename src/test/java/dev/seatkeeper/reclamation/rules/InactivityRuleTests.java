package dev.seatkeeper.reclamation.rules;

import static dev.seatkeeper.reclamation.rules.Holdings.AS_OF;
import static dev.seatkeeper.reclamation.rules.Holdings.aHolding;
import static dev.seatkeeper.reclamation.rules.Holdings.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import org.junit.jupiter.api.Test;

class InactivityRuleTests {

	private final InactivityRule sixtyDays = rule(60, "UserLicense:SFDC");

	@Test
	void aUserIdleForMoreThanTheThresholdIsIdle() {
		assertThat(this.sixtyDays.isIdle(aHolding().lastLogin(daysAgo(61)).build(), AS_OF)).isTrue();
		assertThat(this.sixtyDays.isIdle(aHolding().lastLogin(daysAgo(59)).build(), AS_OF)).isFalse();
	}

	@Test
	void activityExactlyAtTheThresholdIsStillActiveAndOneSecondMoreIsIdle() {
		assertThat(this.sixtyDays.isIdle(aHolding().lastLogin(daysAgo(60)).build(), AS_OF)).isFalse();
		assertThat(this.sixtyDays.isIdle(aHolding().lastLogin(daysAgo(60).minusSeconds(1)).build(), AS_OF)).isTrue();
	}

	@Test
	void aSuccessfulLoginInHistoryAfterLastLoginDateKeepsTheUserActive() {
		assertThat(this.sixtyDays.isIdle(aHolding().lastLogin(daysAgo(200)).lastHistoryLogin(daysAgo(3)).build(), AS_OF))
			.isFalse();
		assertThat(this.sixtyDays.isIdle(aHolding().lastLogin(daysAgo(3)).lastHistoryLogin(daysAgo(200)).build(), AS_OF))
			.isFalse();
		assertThat(this.sixtyDays.isIdle(aHolding().lastLogin(null).lastHistoryLogin(daysAgo(3)).build(), AS_OF)).isFalse();
	}

	@Test
	void aUserWhoNeverLoggedInIsMeasuredFromTheCreatedDate() {
		assertThat(this.sixtyDays.isIdle(aHolding().created(daysAgo(61)).build(), AS_OF)).isTrue();
		assertThat(this.sixtyDays.isIdle(aHolding().created(daysAgo(60)).build(), AS_OF)).as("exactly at the edge")
			.isFalse();
		assertThat(this.sixtyDays.isIdle(aHolding().created(daysAgo(10)).build(), AS_OF)).isFalse();
		assertThat(this.sixtyDays.isIdle(aHolding().created(null).build(), AS_OF)).as("nothing shows any use").isTrue();
	}

	@Test
	void timesInAnyZoneCompareAsInstants() {
		Instant sixtyDaysAgoInTokyo = OffsetDateTime.parse("2026-09-28T11:00:00+09:00").toInstant();
		Instant justBeforeInLosAngeles = OffsetDateTime.parse("2026-09-27T18:59:59-07:00").toInstant();
		assertThat(sixtyDaysAgoInTokyo).isEqualTo(daysAgo(60));

		assertThat(this.sixtyDays.isIdle(aHolding().lastLogin(sixtyDaysAgoInTokyo).build(), AS_OF)).isFalse();
		assertThat(this.sixtyDays.isIdle(aHolding().lastLogin(justBeforeInLosAngeles).build(), AS_OF)).isTrue();
	}

	@Test
	void aRuleCoversModelsByIdentifierOrByKind() {
		InactivityRule byKind = rule(30, "permission-set-license", "PackageLicense:cpq");

		assertThat(byKind.covers("PermissionSetLicense:SalesConsoleUser")).isTrue();
		assertThat(byKind.covers("PackageLicense:cpq")).isTrue();
		assertThat(byKind.covers("PackageLicense:other")).isFalse();
		assertThat(byKind.covers("UserLicense:SFDC")).isFalse();
		assertThat(this.sixtyDays.covers("UserLicense:Chatter")).isFalse();
	}

	@Test
	void onlyCoveredIdleHoldingsMatch() {
		assertThat(this.sixtyDays.matches(aHolding().lastLogin(daysAgo(90)).build(), AS_OF)).isTrue();
		assertThat(this.sixtyDays.matches(aHolding().lastLogin(daysAgo(90)).of("UserLicense:Chatter").build(), AS_OF))
			.isFalse();
	}

	static InactivityRule rule(int days, String... appliesTo) {
		return new InactivityRule(new Rule("idle-" + days, List.of(appliesTo), days, false, 0, Action.DEACTIVATE, false));
	}

}
