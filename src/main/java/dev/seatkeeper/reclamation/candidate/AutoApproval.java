package dev.seatkeeper.reclamation.candidate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.seatkeeper.profile.ReclamationSettings.Rule;
import org.jspecify.annotations.Nullable;

/**
 * Which open candidates a run approves without an operator: their rule does not require approval and their wait is
 * over. A rule that notifies users counts {@code daysBeforeAutoReclaim} in days from the notice, so only NOTIFIED
 * candidates whose notice was sent are due, from the reclaim date the notice named; a NEW candidate of such a rule
 * (no notice sent yet, or none could be) is never due. Other rules count the wait from detection. The oldest
 * detections go first, up to the caps' allowance. Stateless apart from the rules; thread-safe.
 */
public final class AutoApproval {

	private final Map<String, Rule> rulesByName;

	public AutoApproval(List<Rule> rules) {
		this.rulesByName = rules.stream().collect(Collectors.toMap(Rule::name, rule -> rule));
	}

	/** The first UTC day a notice sent at {@code notifiedAt} lets the rule reclaim: the date the notice names. */
	public static LocalDate reclaimDate(Instant notifiedAt, Rule rule) {
		return LocalDate.ofInstant(notifiedAt, ZoneOffset.UTC).plusDays(rule.daysBeforeAutoReclaim());
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
		if (rule == null || rule.requireApproval()) {
			return false;
		}
		return switch (candidate.state()) {
			case NEW -> !rule.notifyUser()
					&& !candidate.detectedAt().plus(Duration.ofDays(rule.daysBeforeAutoReclaim())).isAfter(asOf);
			case NOTIFIED -> noticeWaitIsOver(candidate.notifiedAt(), rule, asOf);
			default -> false;
		};
	}

	/** Why the job approved a due candidate, for the audit. */
	public String why(Candidate candidate) {
		Rule rule = this.rulesByName.get(candidate.key().rule());
		Instant notifiedAt = candidate.notifiedAt();
		if (rule == null || notifiedAt == null) {
			return "approved automatically: idle past the rule's wait";
		}
		return "approved automatically: the reclaim date " + reclaimDate(notifiedAt, rule) + " of the notice sent "
				+ LocalDate.ofInstant(notifiedAt, ZoneOffset.UTC) + " is reached";
	}

	/** A notice whose sending was interrupted (no time recorded) never starts the wait. */
	private static boolean noticeWaitIsOver(@Nullable Instant notifiedAt, Rule rule, Instant asOf) {
		return notifiedAt != null && !reclaimDate(notifiedAt, rule).isAfter(LocalDate.ofInstant(asOf, ZoneOffset.UTC));
	}

}
