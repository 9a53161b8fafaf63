package dev.seatkeeper.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.profile.RecordActivitySettings;
import org.jspecify.annotations.Nullable;

/**
 * The queries of one night, in a fixed order so a restart finds its place by index. Per object: records created
 * since the object's watermark (less the look-back; the first night, {@code backfillDays} back), records last
 * modified in the 90 days before as-of with their count (a rolling count cannot be kept from deltas, so it is asked
 * every night), and on a night whose range starts before those 90 days, the last modifications before them.
 */
final class RecordActivityPlan {

	static final Duration RECENT = Duration.ofDays(90);

	private RecordActivityPlan() {
	}

	static List<ActivityQuery> queries(List<String> objects, Map<String, Instant> watermarks,
			RecordActivitySettings settings, Instant asOf) {
		Instant recent = asOf.minus(RECENT);
		List<ActivityQuery> queries = new ArrayList<>();
		for (String object : objects) {
			Instant since = since(watermarks.get(object), settings, asOf);
			queries.add(new ActivityQuery(object, ActivityQuery.Kind.CREATED, since, asOf, false));
			queries.add(new ActivityQuery(object, ActivityQuery.Kind.MODIFIED, recent, asOf, true));
			if (since.isBefore(recent)) {
				queries.add(new ActivityQuery(object, ActivityQuery.Kind.MODIFIED, since, recent, false));
			}
		}
		return List.copyOf(queries);
	}

	static Instant since(@Nullable Instant watermark, RecordActivitySettings settings, Instant asOf) {
		if (watermark != null && watermark.isBefore(asOf)) {
			return watermark.minus(Duration.ofMinutes(settings.lookBackMinutes()));
		}
		return asOf.minus(Duration.ofDays(settings.backfillDays()));
	}

}
