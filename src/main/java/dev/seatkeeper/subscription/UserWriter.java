package dev.seatkeeper.subscription;

import java.util.ArrayList;
import java.util.List;

import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.storage.MultiRowInsert;
import dev.seatkeeper.storage.Placeholders;
import dev.seatkeeper.storage.SkippedRecords;
import dev.seatkeeper.storage.StorableRows;
import dev.seatkeeper.subscription.SubscriptionWriter.Subscription;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts users keyed by (profile, Id), then the subscriptions their own records show (user and feature licenses),
 * and ends those of their own-record subscriptions they no longer hold: on a night that downloads only the users
 * Salesforce changed, nothing else would. A user that cannot be stored is skipped ({@link SkippedRecords}) with its
 * subscriptions; the rest of the page is written.
 */
public class UserWriter implements ItemWriter<SalesforceUser> {

	private final MultiRowInsert<SalesforceUser> upsert;

	private final SubscriptionWriter subscriptions;

	private final JdbcTemplate jdbc;

	private final RunKey run;

	private final StorableRows<SalesforceUser> rows;

	public UserWriter(JdbcTemplate jdbc, RunKey run, SkippedRecords skipped) {
		this.upsert = new MultiRowInsert<>(jdbc, """
				INSERT INTO sf_user (profile, user_id, username, email, full_name, user_type, profile_name,
				    user_license_key, is_active, last_login_at, created_at, system_modstamp, first_seen, last_seen,
				    removed_at)""", """
				ON DUPLICATE KEY UPDATE username = VALUES(username), email = VALUES(email), full_name = VALUES(full_name),
				    user_type = VALUES(user_type), profile_name = VALUES(profile_name),
				    user_license_key = VALUES(user_license_key), is_active = VALUES(is_active),
				    last_login_at = VALUES(last_login_at), created_at = VALUES(created_at),
				    system_modstamp = VALUES(system_modstamp), last_seen = VALUES(last_seen), removed_at = NULL""", 15,
				(user, row) -> row.text(run.profile())
					.text(user.id())
					.text(user.username())
					.text(user.email())
					.text(user.name())
					.text(user.userType())
					.text(user.profileName())
					.text(user.userLicenseKey())
					.bool(user.active())
					.time(RunKey.utc(user.lastLoginDate()))
					.time(RunKey.utc(user.createdDate()))
					.time(RunKey.utc(user.systemModstamp()))
					.time(run.asOfUtc())
					.time(run.asOfUtc())
					.time(null));
		this.subscriptions = new SubscriptionWriter(jdbc, run);
		this.jdbc = jdbc;
		this.run = run;
		this.rows = new StorableRows<>(this.upsert::execute, SalesforceUser::id, SalesforceUser::unstorable, skipped);
	}

	@Override
	public void write(Chunk<? extends SalesforceUser> chunk) {
		List<SalesforceUser> users = this.rows.store(chunk.getItems());
		List<Subscription> held = new ArrayList<>();
		for (SalesforceUser user : users) {
			user.heldModels().forEach(model -> held.add(new Subscription(user.id(), model, null)));
		}
		this.subscriptions.write(held);
		endNoLongerHeld(users.stream().map(SalesforceUser::id).toList());
	}

	/** Subscriptions without an assignment come from the user's record: those this run did not write are gone. */
	private void endNoLongerHeld(List<String> userIds) {
		if (userIds.isEmpty()) {
			return;
		}
		List<Object> args = new ArrayList<>(List.of(this.run.asOfUtc(), this.run.profile(), this.run.asOfUtc()));
		args.addAll(userIds);
		this.jdbc.update("UPDATE subscription SET ended_at = ? WHERE profile = ? AND assignment_id IS NULL "
				+ "AND ended_at IS NULL AND last_seen < ? AND user_id IN ("
				+ Placeholders.of(userIds.size()) + ")", args.toArray());
	}

}
