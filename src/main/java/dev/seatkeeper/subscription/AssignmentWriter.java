package dev.seatkeeper.subscription;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.storage.Placeholders;
import dev.seatkeeper.storage.SkippedRecords;
import dev.seatkeeper.storage.StorableRows;
import dev.seatkeeper.subscription.SubscriptionWriter.Subscription;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes permission set and package license assignments as subscriptions. An assignment of a user the user
 * download did not see (created between the two reads) is skipped: the next run picks it up with its user. An
 * assignment that cannot be stored is skipped and recorded ({@link StorableRows}).
 */
public class AssignmentWriter implements ItemWriter<Assignment> {

	private final JdbcTemplate jdbc;

	private final RunKey run;

	private final StorableRows<Assignment> rows;

	public AssignmentWriter(JdbcTemplate jdbc, RunKey run, SkippedRecords skipped) {
		this.jdbc = jdbc;
		this.run = run;
		SubscriptionWriter subscriptions = new SubscriptionWriter(jdbc, run);
		this.rows = new StorableRows<>(assignments -> subscriptions.write(assignments.stream()
			.map(assignment -> new Subscription(assignment.userId(), assignment.modelIdentifier(), assignment.id()))
			.toList()), Assignment::id, Assignment::unstorable, skipped);
	}

	@Override
	public void write(Chunk<? extends Assignment> chunk) {
		Set<String> knownUsers = knownUsers(chunk.getItems());
		this.rows.store(chunk.getItems()
			.stream()
			.filter(assignment -> !assignment.unstorable().isEmpty() || knownUsers.contains(assignment.userId()))
			.toList());
	}

	private Set<String> knownUsers(List<? extends Assignment> assignments) {
		List<String> userIds = assignments.stream().map(Assignment::userId).distinct().toList();
		if (userIds.isEmpty()) {
			return Set.of();
		}
		List<Object> arguments = new ArrayList<>();
		arguments.add(this.run.profile());
		arguments.addAll(userIds);
		return new HashSet<>(this.jdbc.queryForList(
				"SELECT user_id FROM sf_user WHERE profile = ? AND user_id IN (" + Placeholders.of(userIds.size()) + ")",
				String.class, arguments.toArray()));
	}

}
