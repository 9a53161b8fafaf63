package dev.seatkeeper.reclamation;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.seatkeeper.profile.ReclamationSettings.Rule;

/**
 * Which NEW candidates a run approves without an operator: their rule does not require approval, their wait of
 * {@code daysBeforeAutoReclaim} since detection is over, and their rule does not ask to notify the user first (no
 * notice can be sent yet, so those wait for an operator). The oldest detections go first, up to the caps' allowance.
 */
public final class AutoApproval {

	private final Map<String, Rule> rulesByName;

	public AutoApproval(List<Rule> rules) {
		this.rulesByName = rules.stream().collect(Collectors.toMap(Rule::name, rule -> rule));
	}

	public List<Candidate> approvable(List<Candidate> candidates, Instant asOf, int allowance) {
		return candidates.stream()
			.filter(candidate -> isDue(candidate, asOf))
			.sorted(Comparator.comparing(Candidate::detectedAt).thenComparingLong(Candidate::id))
			.limit(allowance)
			.toList();
	}

	public boolean isDue(Candidate candidate, Instant asOf) {
		Rule rule = this.rulesByName.get(candidate.key().rule());
		return candidate.state() == CandidateState.NEW && rule != null && !rule.requireApproval() && !rule.notifyUser()
				&& !candidate.detectedAt().plus(Duration.ofDays(rule.daysBeforeAutoReclaim())).isAfter(asOf);
	}

}
