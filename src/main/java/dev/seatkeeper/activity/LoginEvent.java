package dev.seatkeeper.activity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One LoginHistory record, keyed by its Salesforce Id (LoginTime alone is not unique: bursts share a second). */
public record LoginEvent(String id, String userId, Instant loginTime, @Nullable String status, @Nullable String loginType,
		@Nullable String application) {

	public boolean successful() {
		return "Success".equals(this.status);
	}

}
