package dev.seatkeeper.sandbox.org;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

/**
 * Writes one user's login events and returns the user's LastLoginDate, which is by construction the latest
 * successful event (or, for a user whose last login predates the kept history, a time before the window with no
 * event). Every weekday has a burst second at 08:00 UTC at which many single-sign-on logins land together, the
 * shape that breaks paging keyed on LoginTime alone.
 */
final class LoginPlanner {

	static final int APPLICATION = 0;

	static final int SAML = 1;

	static final int REMOTE_ACCESS = 2;

	static final int COMMUNITY = 5;

	private static final long DAY = 86_400;

	private final SplittableRandom random;

	private final long now;

	private final long windowStart;

	private final long base;

	private final LongArray events = new LongArray();

	LoginPlanner(SplittableRandom random, Instant now, int loginDays) {
		this.random = random;
		this.now = now.getEpochSecond();
		this.windowStart = now.minus(Duration.ofDays(loginDays)).truncatedTo(ChronoUnit.DAYS).getEpochSecond();
		this.base = this.windowStart;
	}

	long base() {
		return this.base;
	}

	long windowStart() {
		return this.windowStart;
	}

	long[] events() {
		return this.events.toArray();
	}

	/**
	 * Logins of a user whose last login is {@code last} (epoch second): {@code count} successes spread from the
	 * window start (or creation) up to {@code last}, the last one exactly at {@code last}, some preceded by a
	 * failed password attempt.
	 */
	@Nullable Instant logins(int user, long created, long last, int count, int loginType) {
		long from = Math.max(this.windowStart, created);
		if (last < from) {
			return Instant.ofEpochSecond(last);
		}
		for (int i = 1; i < count; i++) {
			long time = from + (long) (this.random.nextDouble() * (last - from));
			success(user, snapToBurst(time, from, last), loginType);
		}
		success(user, last, loginType);
		return Instant.ofEpochSecond(last);
	}

	/** An API user's logins: several a day for the whole window, the last one at {@code last}. */
	Instant apiLogins(int user, long last, int perDay) {
		for (long day = this.windowStart; day + DAY <= last; day += DAY) {
			for (int i = 0; i < perDay; i++) {
				success(user, day + this.random.nextInt((int) DAY), REMOTE_ACCESS);
			}
		}
		success(user, last, REMOTE_ACCESS);
		return Instant.ofEpochSecond(last);
	}

	/** A failed attempt of a user who never got in. */
	void failedOnly(int user, long created) {
		long from = Math.max(this.windowStart, created);
		if (from < this.now) {
			add(user, from + (long) (this.random.nextDouble() * (this.now - from)), false, APPLICATION);
		}
	}

	private void success(int user, long time, int loginType) {
		boolean burst = isBurst(time);
		int type = burst && loginType == APPLICATION ? SAML : loginType;
		if (this.random.nextInt(25) == 0 && time - 5 >= this.windowStart) {
			add(user, time - 5, false, type);
		}
		add(user, time, true, type);
	}

	private void add(int user, long time, boolean success, int loginType) {
		this.events.add(LoginHistoryTable.pack(time, this.base, user, success, loginType, client(loginType)));
	}

	private int client(int loginType) {
		return switch (loginType) {
			case REMOTE_ACCESS -> 3 + this.random.nextInt(2);
			case 3, 4 -> 5;
			case COMMUNITY -> this.random.nextInt(3);
			default -> new int[] { 0, 1, 2, 7 }[this.random.nextInt(4)];
		};
	}

	/** Three logins in ten land on their day's burst second when that second lies inside [from, last]. */
	private long snapToBurst(long time, long from, long last) {
		long burst = (time - Math.floorMod(time, DAY)) + 8 * 3600;
		boolean weekday = Math.floorMod(Math.floorDiv(burst, DAY) + 3, 7) < 5;
		if (weekday && burst >= from && burst <= last && this.random.nextInt(10) < 3) {
			return burst;
		}
		return time;
	}

	private static boolean isBurst(long time) {
		return Math.floorMod(time, DAY) == 8 * 3600;
	}

}
