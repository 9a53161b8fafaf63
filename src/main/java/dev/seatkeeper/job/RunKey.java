package dev.seatkeeper.job;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * The profile a step works for and the run's "as of" instant, fixed when the job instance first started and kept in
 * the job ExecutionContext, so a restarted run makes exactly the decisions of the first attempt.
 */
public record RunKey(String profile, Instant asOf) {

	/** The job ExecutionContext key of the as-of instant (ISO-8601). */
	public static final String AS_OF = "asOf";

	public static RunKey of(String profile, String asOf) {
		return new RunKey(profile, Instant.parse(asOf));
	}

	public LocalDateTime asOfUtc() {
		return utc(this.asOf);
	}

	/** Database times are UTC DATETIME columns; LocalDateTime keeps drivers from shifting them by a time zone. */
	@Contract("!null -> !null")
	public static @Nullable LocalDateTime utc(@Nullable Instant instant) {
		// ofEpochSecond, not ofInstant: ofInstant builds new ZoneRules on every call, once per login event read.
		return (instant != null) ? LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC)
				: null;
	}

}
