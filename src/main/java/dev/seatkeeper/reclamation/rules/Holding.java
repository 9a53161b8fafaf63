package dev.seatkeeper.reclamation.rules;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One user holding one software model, with what the rules and exclusions need to know about the user. Times are
 * UTC instants; the last history login is the latest successful login found in LoginHistory, which can be later
 * than Salesforce's LastLoginDate. {@code use} is the user's record activity on the objects of the holding's license;
 * {@code downgradeUse} on the objects a downgrade from it {@code requires} (what a downgrade rule judges by).
 */
public record Holding(String userId, String username, @Nullable String email, @Nullable String userType,
		@Nullable String profileName, @Nullable Instant createdAt, @Nullable Instant lastLoginAt,
		@Nullable Instant lastHistoryLoginAt, String model, boolean activeUser, RecordUse use, RecordUse downgradeUse) {

	public Holding(String userId, String username, @Nullable String email, @Nullable String userType,
			@Nullable String profileName, @Nullable Instant createdAt, @Nullable Instant lastLoginAt,
			@Nullable Instant lastHistoryLoginAt, String model, boolean activeUser, RecordUse use) {
		this(userId, username, email, userType, profileName, createdAt, lastLoginAt, lastHistoryLoginAt, model,
				activeUser, use, RecordUse.NOT_READ);
	}

	/** A holding without record activity read. */
	public Holding(String userId, String username, @Nullable String email, @Nullable String userType,
			@Nullable String profileName, @Nullable Instant createdAt, @Nullable Instant lastLoginAt,
			@Nullable Instant lastHistoryLoginAt, String model, boolean activeUser) {
		this(userId, username, email, userType, profileName, createdAt, lastLoginAt, lastHistoryLoginAt, model,
				activeUser, RecordUse.NOT_READ);
	}

	/** An active user's holding. */
	public Holding(String userId, String username, @Nullable String email, @Nullable String userType,
			@Nullable String profileName, @Nullable Instant createdAt, @Nullable Instant lastLoginAt,
			@Nullable Instant lastHistoryLoginAt, String model) {
		this(userId, username, email, userType, profileName, createdAt, lastLoginAt, lastHistoryLoginAt, model, true);
	}

	/** The later of LastLoginDate and the last successful login in history; null when the user never logged in. */
	public @Nullable Instant lastActivity() {
		if (this.lastLoginAt == null) {
			return this.lastHistoryLoginAt;
		}
		if (this.lastHistoryLoginAt == null || this.lastLoginAt.isAfter(this.lastHistoryLoginAt)) {
			return this.lastLoginAt;
		}
		return this.lastHistoryLoginAt;
	}

	/** This holding with the user's record activity on the objects of its license. */
	public Holding withUse(RecordUse recordUse) {
		return new Holding(this.userId, this.username, this.email, this.userType, this.profileName, this.createdAt,
				this.lastLoginAt, this.lastHistoryLoginAt, this.model, this.activeUser, recordUse, this.downgradeUse);
	}

	/** This holding with the user's record activity on the objects a downgrade from its license requires. */
	public Holding withDowngradeUse(RecordUse recordUse) {
		return new Holding(this.userId, this.username, this.email, this.userType, this.profileName, this.createdAt,
				this.lastLoginAt, this.lastHistoryLoginAt, this.model, this.activeUser, this.use, recordUse);
	}

	/** Where idleness is measured from: the last activity, else (never logged in) the creation of the user. */
	public @Nullable Instant idleSince() {
		Instant activity = lastActivity();
		return (activity != null) ? activity : this.createdAt;
	}

}
