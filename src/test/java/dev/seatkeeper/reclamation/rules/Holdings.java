package dev.seatkeeper.reclamation.rules;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Test holdings that read like the domain: {@code aHolding().lastLogin(daysAgo(120)).of("UserLicense:SFDC")}. */
public final class Holdings {

	public static final Instant AS_OF = Instant.parse("2026-11-27T02:00:00Z");

	private String userId = "005000000000001AAA";

	private String username = "ada@example.com";

	private @Nullable String email = "ada@example.com";

	private @Nullable String userType = "Standard";

	private @Nullable String profileName = "Standard User";

	private @Nullable Instant createdAt = daysAgo(400);

	private @Nullable Instant lastLogin;

	private @Nullable Instant lastHistoryLogin;

	private String model = "UserLicense:SFDC";

	public static Holdings aHolding() {
		return new Holdings();
	}

	public static Instant daysAgo(long days) {
		return AS_OF.minus(Duration.ofDays(days));
	}

	public Holdings user(String userId) {
		this.userId = userId;
		return this;
	}

	Holdings username(String username) {
		this.username = username;
		return this;
	}

	Holdings email(@Nullable String email) {
		this.email = email;
		return this;
	}

	Holdings userType(String userType) {
		this.userType = userType;
		return this;
	}

	Holdings profileName(String profileName) {
		this.profileName = profileName;
		return this;
	}

	Holdings created(@Nullable Instant createdAt) {
		this.createdAt = createdAt;
		return this;
	}

	public Holdings lastLogin(@Nullable Instant lastLogin) {
		this.lastLogin = lastLogin;
		return this;
	}

	public Holdings lastHistoryLogin(@Nullable Instant lastHistoryLogin) {
		this.lastHistoryLogin = lastHistoryLogin;
		return this;
	}

	public Holdings of(String model) {
		this.model = model;
		return this;
	}

	public Holding build() {
		return new Holding(this.userId, this.username, this.email, this.userType, this.profileName, this.createdAt,
				this.lastLogin, this.lastHistoryLogin, this.model);
	}

}
