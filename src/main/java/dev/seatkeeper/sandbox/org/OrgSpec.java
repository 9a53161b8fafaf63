package dev.seatkeeper.sandbox.org;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Everything a generated org depends on. Two orgs generated from equal specs are equal record for record, so a
 * test can compare a job's results with ground truth and a benchmark can rerun the same load.
 *
 * @param users number of users, at least 5 (the admins, the integration user and a guest come first)
 * @param seed the random seed
 * @param loginDays how many days of login history to keep (Salesforce keeps about 180)
 * @param now the instant the org's data is "as of": last logins and history end here
 */
public record OrgSpec(int users, long seed, int loginDays, Instant now) {

	public static final int DEFAULT_USERS = 1000;

	public static final long DEFAULT_SEED = 42;

	public static final int DEFAULT_LOGIN_DAYS = 180;

	public OrgSpec {
		if (users < 5) {
			throw new IllegalArgumentException("'users' must be at least 5, was " + users);
		}
		if (users > 10_000_000) {
			throw new IllegalArgumentException("'users' must be at most 10,000,000, was " + users);
		}
		if (loginDays < 1 || loginDays > 3650) {
			throw new IllegalArgumentException("'loginDays' must be between 1 and 3650, was " + loginDays);
		}
		now = now.truncatedTo(ChronoUnit.SECONDS);
	}

	/** A spec with the default seed and history length, "as of" the given instant. */
	public static OrgSpec of(int users, Instant now) {
		return new OrgSpec(users, DEFAULT_SEED, DEFAULT_LOGIN_DAYS, now);
	}

	public OrgSpec withSeed(long newSeed) {
		return new OrgSpec(this.users, newSeed, this.loginDays, this.now);
	}

	public OrgSpec withLoginDays(int days) {
		return new OrgSpec(this.users, this.seed, days, this.now);
	}

}
