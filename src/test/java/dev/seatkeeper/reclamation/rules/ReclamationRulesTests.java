package dev.seatkeeper.reclamation.rules;

import static dev.seatkeeper.reclamation.rules.Holdings.AS_OF;
import static dev.seatkeeper.reclamation.rules.Holdings.aHolding;
import static dev.seatkeeper.reclamation.rules.Holdings.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import dev.seatkeeper.profile.ReclamationSettings;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import org.junit.jupiter.api.Test;

class ReclamationRulesTests {

	private final ReclamationRules rules = ReclamationRules.of(new ReclamationSettings(Mode.DETECT,
			List.of(new Rule("idle-sales", List.of("UserLicense:SFDC"), 60, false, 0, Action.DEACTIVATE, false),
					new Rule("idle-licenses", List.of("user-license"), 90, false, 0, Action.FREEZE, true)),
			new ReclamationSettings.Exclusions(List.of(), List.of("System Administrator"),
					ReclamationSettings.Exclusions.DEFAULT_USER_TYPES, List.of()),
			0, 0, 14), "005000000000009AAA");

	@Test
	void eachRuleCoveringTheModelDecidesOnItsOwnThreshold() {
		List<Decision> decisions = this.rules.decide(aHolding().lastLogin(daysAgo(75)).build(), AS_OF);

		assertThat(decisions).extracting(decision -> decision.rule().name(), Decision::outcome)
			.containsExactly(tuple("idle-sales", Decision.Outcome.CANDIDATE),
					tuple("idle-licenses", Decision.Outcome.ACTIVE));
	}

	@Test
	void idleExcludedUsersAreSkippedWithTheReason() {
		List<Decision> decisions = this.rules
			.decide(aHolding().lastLogin(daysAgo(120)).profileName("System Administrator").build(), AS_OF);

		assertThat(decisions).extracting(Decision::outcome).containsOnly(Decision.Outcome.SKIPPED);
		assertThat(decisions).extracting(Decision::reason)
			.containsOnly("Salesforce profile System Administrator is excluded");
	}

	@Test
	void activeExcludedUsersAreNotRecordedAsSkipped() {
		assertThat(this.rules.decide(aHolding().lastLogin(daysAgo(1)).user("005000000000009AAA").build(), AS_OF))
			.extracting(Decision::outcome)
			.containsOnly(Decision.Outcome.ACTIVE);
	}

	@Test
	void modelsNoRuleCoversGetNoDecision() {
		assertThat(this.rules.decide(aHolding().lastLogin(daysAgo(400)).of("PackageLicense:cpq").build(), AS_OF))
			.isEmpty();
	}

}
