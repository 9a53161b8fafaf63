package dev.seatkeeper.profile;

/**
 * Login history settings: how far back the first run backfills (Salesforce keeps about six months), how wide each
 * partition's time window is, how many cursors page Salesforce at once, and how far before the watermark each night
 * starts reading again ({@code lookBackMinutes}: Salesforce records some logins late, with a LoginTime the last night
 * had already passed; upserts by Id make the overlap free). {@code records} says what {@code recordActivity} reads.
 */
public record ActivitySettings(int backfillDays, int windowDays, int concurrentCursors, int lookBackMinutes,
		RecordActivitySettings records) {

	/** Without record activity (profiles built in code); a profile file gets {@link RecordActivitySettings#DEFAULTS}. */
	public ActivitySettings(int backfillDays, int windowDays, int concurrentCursors, int lookBackMinutes) {
		this(backfillDays, windowDays, concurrentCursors, lookBackMinutes, RecordActivitySettings.DISABLED);
	}

	public static final int DEFAULT_LOOK_BACK_MINUTES = 10;

	/** With the default look-back. */
	public ActivitySettings(int backfillDays, int windowDays, int concurrentCursors) {
		this(backfillDays, windowDays, concurrentCursors, DEFAULT_LOOK_BACK_MINUTES);
	}

	public static final int DEFAULT_BACKFILL_DAYS = 180;

	public static final int DEFAULT_WINDOW_DAYS = 30;

	public static final int DEFAULT_CONCURRENT_CURSORS = 4;

}
