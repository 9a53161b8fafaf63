package dev.seatkeeper.reclamation.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.seatkeeper.license.SoftwareModel;
import dev.seatkeeper.profile.Downgrade;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Holders;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import org.jspecify.annotations.Nullable;

/**
 * A profile rule applied to holdings: it covers a model named by identifier ({@code UserLicense:SFDC}) or by kind
 * ({@code user-license}), and a holding is idle when the user has been inactive for more than the threshold. A user
 * whose activity lies exactly the threshold before the as-of instant is still active, the same edge as the
 * reconciliation's activity count. A user who never logged in is idle from the creation date; without one either,
 * nothing shows use, so the user is idle. A rule with {@code lastUseThresholdDays} also (or, without a login threshold,
 * only) requires no record created or edited on the license's objects for that many days. A {@code downgrade} rule
 * looks at neither: a holding is a candidate when the user touched none of its downgrade's {@code requires} objects
 * within the downgrade's {@code thresholdDays}.
 */
public final class InactivityRule {

	private final Rule rule;

	public InactivityRule(Rule rule) {
		this.rule = rule;
	}

	public Rule rule() {
		return this.rule;
	}

	public String name() {
		return this.rule.name();
	}

	public boolean covers(String model) {
		String kind = kindName(model);
		return this.rule.appliesTo().stream().anyMatch(target -> target.equals(model) || target.equalsIgnoreCase(kind));
	}

	public boolean isIdle(Holding holding, Instant asOf) {
		return evidence(holding, asOf) != null;
	}

	/**
	 * Why the holding is idle under this rule (the evidence that decided, for the candidate), or {@code null} when
	 * the user logged in or used the license's objects recently enough. Use is judged only when record activity of
	 * the license's objects was read: silence is not taken for idleness.
	 */
	public @Nullable String evidence(Holding holding, Instant asOf) {
		if (this.rule.action() == Action.DOWNGRADE) {
			return downgradeEvidence(holding, asOf);
		}
		List<String> evidence = new ArrayList<>();
		if (this.rule.judgesLogins()) {
			Instant since = holding.idleSince();
			if (!before(since, asOf, this.rule.lastActivityThresholdDays())) {
				return null;
			}
			evidence.add(((holding.lastActivity() != null) ? "no login since " + day(holding.lastActivity())
					: "never logged in") + " (threshold " + this.rule.lastActivityThresholdDays() + " days)");
		}
		Integer useDays = this.rule.lastUseThresholdDays();
		if (useDays != null) {
			RecordUse use = holding.use();
			Instant last = use.last();
			if (!use.isRead() || !before((last != null) ? last : holding.createdAt(), asOf, useDays)) {
				return null;
			}
			evidence.add("no record created or edited on " + String.join(", ", use.objects()) + " since "
					+ ((last != null) ? day(last) : "the backfill began") + " (threshold " + useDays + " days)");
			if (!this.rule.judgesLogins()) {
				evidence.add((holding.lastActivity() != null) ? "last login " + day(holding.lastActivity())
						: "never logged in");
			}
		}
		return String.join("; ", evidence);
	}

	/**
	 * A downgrade rule's evidence: the holder created or edited none of the objects its downgrade requires (those
	 * read) within the downgrade's threshold, the same judgement as right-sizing at {@code reconcile}.
	 */
	private @Nullable String downgradeEvidence(Holding holding, Instant asOf) {
		Downgrade downgrade = this.rule.downgradeOf(holding.model());
		RecordUse use = holding.downgradeUse();
		if (downgrade == null || !use.isRead()) {
			return null;
		}
		Instant last = use.last();
		if (last != null && !before(last, asOf, downgrade.thresholdDays())) {
			return null;
		}
		return "no record created or edited on " + String.join(", ", use.objects())
				+ ((last != null) ? " since " + day(last) : " in the activity read") + " (threshold "
				+ downgrade.thresholdDays() + " days); "
				+ ((holding.lastActivity() != null) ? "last login " + day(holding.lastActivity()) : "never logged in")
				+ "; downgrade to " + downgrade.to() + ", profile '" + downgrade.targetProfile() + "'";
	}

	private static boolean before(@Nullable Instant since, Instant asOf, int days) {
		return since == null || since.isBefore(asOf.minus(Duration.ofDays(days)));
	}

	private static String day(Instant instant) {
		return instant.toString().substring(0, 10);
	}

	public boolean matches(Holding holding, Instant asOf) {
		return covers(holding) && isIdle(holding, asOf);
	}

	/** The rule covers the holding's model and looks at holdings of users like its holder (active or deactivated). */
	public boolean covers(Holding holding) {
		return covers(holding.model()) && (this.rule.holders() == Holders.INACTIVE_USERS) != holding.activeUser();
	}

	public boolean looksAtInactiveUsers() {
		return this.rule.holders() == Holders.INACTIVE_USERS;
	}

	private static @Nullable String kindName(String model) {
		SoftwareModel.Kind kind = SoftwareModel.Kind.ofIdentifier(model);
		return (kind != null) ? kind.name().toLowerCase(Locale.ROOT).replace('_', '-') : null;
	}

}
