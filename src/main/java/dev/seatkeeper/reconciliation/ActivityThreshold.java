package dev.seatkeeper.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import dev.seatkeeper.license.SoftwareModel;
import dev.seatkeeper.profile.ReclamationSettings;
import org.jspecify.annotations.Nullable;

/**
 * When a holder of a model counts as active: the later of Salesforce's LastLoginDate and the last successful login in
 * the history lies within the threshold before the as-of instant. The threshold of a model is the smallest
 * {@code lastActivityThresholdDays} of the rules applying to it (by identifier or by kind, e.g. {@code user-license}),
 * else {@link ReclamationSettings#DEFAULT_THRESHOLD_DAYS}: a seat idle long enough to be reclaimed is not active.
 */
public final class ActivityThreshold {

	private final ReclamationSettings reclamation;

	public ActivityThreshold(ReclamationSettings reclamation) {
		this.reclamation = reclamation;
	}

	public int days(String model) {
		return this.reclamation.rules()
			.stream()
			.filter(rule -> rule.judgesLogins() && appliesTo(rule, model))
			.mapToInt(ReclamationSettings.Rule::lastActivityThresholdDays)
			.min()
			.orElse(ReclamationSettings.DEFAULT_THRESHOLD_DAYS);
	}

	public static boolean isActive(@Nullable Instant lastLogin, @Nullable Instant lastHistoryLogin, Instant asOf,
			int days) {
		Instant latest = later(lastLogin, lastHistoryLogin);
		return latest != null && !latest.isBefore(asOf.minus(Duration.ofDays(days)));
	}

	private static @Nullable Instant later(@Nullable Instant first, @Nullable Instant second) {
		if (first == null) {
			return second;
		}
		return (second == null || first.isAfter(second)) ? first : second;
	}

	private static boolean appliesTo(ReclamationSettings.Rule rule, String model) {
		SoftwareModel.Kind kind = SoftwareModel.Kind.ofIdentifier(model);
		String kindName = (kind != null) ? kind.name().toLowerCase(Locale.ROOT).replace('_', '-') : null;
		return rule.appliesTo().stream().anyMatch(target -> target.equals(model) || target.equalsIgnoreCase(kindName));
	}

}
