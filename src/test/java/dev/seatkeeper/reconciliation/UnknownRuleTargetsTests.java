package dev.seatkeeper.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import dev.seatkeeper.profile.ReclamationSettings;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Exclusions;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import org.junit.jupiter.api.Test;

class UnknownRuleTargetsTests {

	@Test
	void aModelTheOrgDoesNotHaveIsNamedAndKindsAreNot() {
		ReclamationSettings settings = new ReclamationSettings(Mode.DETECT,
				List.of(new Rule("idle", List.of("UserLicense:SFDC", "UserLicense:SFDX", "package-license"), 60, false, 0,
						Action.DEACTIVATE, false)),
				new Exclusions(List.of(), List.of(), Exclusions.DEFAULT_USER_TYPES, List.of()), 100, 0.05, 30);

		assertThat(UnknownRuleTargets.of(settings, Set.of("UserLicense:SFDC", "PackageLicense:sbqq"))).containsExactly(
				"rule 'idle' applies to UserLicense:SFDX, which this org does not have; the rule matches nothing for it (check the spelling)");
	}

}
