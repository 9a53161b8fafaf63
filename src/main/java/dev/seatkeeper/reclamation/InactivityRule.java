package dev.seatkeeper.reclamation;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import dev.seatkeeper.license.SoftwareModel;
import dev.seatkeeper.profile.ReclamationSettings.Holders;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import org.jspecify.annotations.Nullable;

/**
 * A profile rule applied to holdings: it covers a model named by identifier ({@code UserLicense:SFDC}) or by kind
 * ({@code user-license}), and a holding is idle when the user has been inactive for more than the threshold. A user
 * whose activity lies exactly the threshold before the as-of instant is still active, the same edge as the
 * reconciliation's activity count. A user who never logged in is idle from the creation date; without one either,
 * nothing shows use, so the user is idle.
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
		Instant since = holding.idleSince();
		return since == null || since.isBefore(asOf.minus(Duration.ofDays(this.rule.lastActivityThresholdDays())));
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
