package dev.seatkeeper.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.seatkeeper.license.SoftwareModel;
import dev.seatkeeper.profile.ReclamationSettings;

/**
 * Rule targets naming a software model the org does not have. Validation only knows the identifier's shape; a
 * misspelt or retired model would make its rule match nothing without a word, so the run says so.
 */
final class UnknownRuleTargets {

	private UnknownRuleTargets() {
	}

	/** One sentence per rule target that is a model identifier the org's models do not include. */
	static List<String> of(ReclamationSettings reclamation, Set<String> orgModels) {
		List<String> warnings = new ArrayList<>();
		for (ReclamationSettings.Rule rule : reclamation.rules()) {
			for (String target : rule.appliesTo()) {
				if (SoftwareModel.Kind.ofIdentifier(target) != null && !orgModels.contains(target)) {
					warnings.add("rule '" + rule.name() + "' applies to " + target
							+ ", which this org does not have; the rule matches nothing for it (check the spelling)");
				}
			}
		}
		return warnings;
	}

}
