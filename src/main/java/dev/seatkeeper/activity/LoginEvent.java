package dev.seatkeeper.activity;

import java.time.Instant;
import java.util.List;

import dev.seatkeeper.storage.Unstorable;
import org.jspecify.annotations.Nullable;

/**
 * One LoginHistory record, keyed by its Salesforce Id (LoginTime alone is not unique: bursts share a second). An event
 * with {@code unstorable} fields is skipped by the writer and recorded as a skipped record.
 */
public record LoginEvent(String id, String userId, @Nullable Instant loginTime, @Nullable String status,
		@Nullable String loginType, @Nullable String application, List<Unstorable> unstorable) {

	public LoginEvent(String id, String userId, Instant loginTime, @Nullable String status, @Nullable String loginType,
			@Nullable String application) {
		this(id, userId, loginTime, status, loginType, application, List.of());
	}

	public boolean successful() {
		return "Success".equals(this.status);
	}

}
