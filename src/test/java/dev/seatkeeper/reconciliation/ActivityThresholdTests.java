package dev.seatkeeper.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import dev.seatkeeper.profile.ReclamationSettings;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Exclusions;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import org.junit.jupiter.api.Test;

class ActivityThresholdTests {

	static final Instant AS_OF = Instant.parse("2026-11-27T02:00:00Z");

	@Test
	void theSmallestThresholdOfTheRulesApplyingToAModelWinsByIdentifierOrKind() {
		ActivityThreshold threshold = new ActivityThreshold(settings(rule(90, "UserLicense:SFDC"), rule(45, "user-license"),
				rule(10, "PackageLicense:cpq")));

		assertThat(threshold.days("UserLicense:SFDC")).isEqualTo(45);
		assertThat(threshold.days("FeatureLicense:SupportUser")).isEqualTo(ReclamationSettings.DEFAULT_THRESHOLD_DAYS);
	}

	/** A downgrade rule (or one on use alone) judges no logins: its 0 is no login threshold of the position. */
	@Test
	void rulesThatJudgeNoLoginsDoNotSetTheThreshold() {
		Rule downgrade = new Rule("to-platform", List.of("UserLicense:SFDC"), 0, false, 0, Action.DOWNGRADE, true,
				ReclamationSettings.Holders.ACTIVE_USERS, null, List.of());
		ActivityThreshold threshold = new ActivityThreshold(settings(downgrade, rule(90, "UserLicense:SFDC")));

		assertThat(threshold.days("UserLicense:SFDC")).isEqualTo(90);
		assertThat(new ActivityThreshold(settings(downgrade)).days("UserLicense:SFDC"))
			.isEqualTo(ReclamationSettings.DEFAULT_THRESHOLD_DAYS);
	}

	@Test
	void activityIsTheLaterOfLastLoginAndTheLastSuccessfulLoginInHistory() {
		Instant longAgo = AS_OF.minusSeconds(86_400L * 100);
		Instant lastWeek = AS_OF.minusSeconds(86_400L * 7);

		assertThat(ActivityThreshold.isActive(longAgo, lastWeek, AS_OF, 60)).isTrue();
		assertThat(ActivityThreshold.isActive(lastWeek, null, AS_OF, 60)).isTrue();
		assertThat(ActivityThreshold.isActive(longAgo, longAgo, AS_OF, 60)).isFalse();
		assertThat(ActivityThreshold.isActive(null, null, AS_OF, 60)).as("never logged in").isFalse();
		assertThat(ActivityThreshold.isActive(AS_OF.minusSeconds(86_400L * 60), null, AS_OF, 60)).as("exactly at the edge")
			.isTrue();
	}

	private static ReclamationSettings settings(Rule... rules) {
		return new ReclamationSettings(ReclamationSettings.Mode.DETECT, List.of(rules),
				new Exclusions(List.of(), List.of(), List.of(), List.of()), 10, 0.05, 30);
	}

	private static Rule rule(int days, String appliesTo) {
		return new Rule("rule-" + days, List.of(appliesTo), days, false, 0, Action.DEACTIVATE, false);
	}

}
