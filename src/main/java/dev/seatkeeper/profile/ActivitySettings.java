package dev.seatkeeper.profile;

/**
 * Login history settings: how far back the first run backfills (Salesforce keeps about six months), how wide each
 * partition's time window is, and how many cursors page Salesforce at once.
 */
public record ActivitySettings(int backfillDays, int windowDays, int concurrentCursors) {

	public static final int DEFAULT_BACKFILL_DAYS = 180;

	public static final int DEFAULT_WINDOW_DAYS = 30;

	public static final int DEFAULT_CONCURRENT_CURSORS = 4;

}
