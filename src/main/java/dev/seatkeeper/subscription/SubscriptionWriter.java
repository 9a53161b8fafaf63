package dev.seatkeeper.subscription;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.license.SoftwareModelWriter;
import dev.seatkeeper.storage.MultiRowInsert;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts subscriptions (user x model) seen in this run: {@code last_seen} moves to the run's as-of instant and an
 * ended subscription that is seen again is open again. Idempotent, so a replayed chunk changes nothing.
 */
public class SubscriptionWriter {

	private final JdbcTemplate jdbc;

	private final RunKey run;

	private final Set<String> knownModels = new HashSet<>();

	private final MultiRowInsert<Subscription> upsert;

	public SubscriptionWriter(JdbcTemplate jdbc, RunKey run) {
		this.jdbc = jdbc;
		this.run = run;
		this.upsert = new MultiRowInsert<>(jdbc,
				"INSERT INTO subscription (profile, user_id, model_identifier, assignment_id, first_seen, last_seen, ended_at)",
				"ON DUPLICATE KEY UPDATE assignment_id = VALUES(assignment_id), last_seen = VALUES(last_seen), ended_at = NULL",
				7, (subscription, row) -> row.text(run.profile())
					.text(subscription.userId())
					.text(subscription.modelIdentifier())
					.text(subscription.assignmentId())
					.time(run.asOfUtc())
					.time(run.asOfUtc())
					.time(null));
	}

	public void write(List<Subscription> subscriptions) {
		if (subscriptions.isEmpty()) {
			return;
		}
		List<String> newModels = subscriptions.stream()
			.map(Subscription::modelIdentifier)
			.distinct()
			.filter(model -> !this.knownModels.contains(model))
			.toList();
		SoftwareModelWriter.ensureExist(this.jdbc, this.run, newModels);
		this.knownModels.addAll(newModels);
		this.upsert.execute(subscriptions);
	}

	/** One row of the subscription table. */
	public record Subscription(String userId, String modelIdentifier, @Nullable String assignmentId) {
	}

}
