package dev.seatkeeper.subscription;

import java.util.ArrayList;
import java.util.List;

import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.subscription.SubscriptionWriter.Subscription;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/** Upserts users keyed by (profile, Id), then the subscriptions their own records show. */
public class UserWriter implements ItemWriter<SalesforceUser> {

	private static final String UPSERT = """
			INSERT INTO sf_user (profile, user_id, username, email, full_name, user_type, profile_name, user_license_key,
			    is_active, last_login_at, created_at, first_seen, last_seen, removed_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
			ON DUPLICATE KEY UPDATE username = VALUES(username), email = VALUES(email), full_name = VALUES(full_name),
			    user_type = VALUES(user_type), profile_name = VALUES(profile_name),
			    user_license_key = VALUES(user_license_key), is_active = VALUES(is_active),
			    last_login_at = VALUES(last_login_at), created_at = VALUES(created_at), last_seen = VALUES(last_seen),
			    removed_at = NULL""";

	private final JdbcTemplate jdbc;

	private final RunKey run;

	private final SubscriptionWriter subscriptions;

	public UserWriter(JdbcTemplate jdbc, RunKey run) {
		this.jdbc = jdbc;
		this.run = run;
		this.subscriptions = new SubscriptionWriter(jdbc, run);
	}

	@Override
	public void write(Chunk<? extends SalesforceUser> chunk) {
		List<? extends SalesforceUser> users = chunk.getItems();
		this.jdbc.batchUpdate(UPSERT, users, users.size(), (statement, user) -> {
			statement.setString(1, this.run.profile());
			statement.setString(2, user.id());
			statement.setString(3, user.username());
			statement.setString(4, user.email());
			statement.setString(5, user.name());
			statement.setString(6, user.userType());
			statement.setString(7, user.profileName());
			statement.setString(8, user.userLicenseKey());
			statement.setBoolean(9, user.active());
			statement.setObject(10, RunKey.utc(user.lastLoginDate()));
			statement.setObject(11, RunKey.utc(user.createdDate()));
			statement.setObject(12, this.run.asOfUtc());
			statement.setObject(13, this.run.asOfUtc());
		});
		List<Subscription> held = new ArrayList<>();
		for (SalesforceUser user : users) {
			user.heldModels().forEach(model -> held.add(new Subscription(user.id(), model, null)));
		}
		this.subscriptions.write(held);
	}

}
