package dev.seatkeeper.consumption;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One usage metric for one period: a TenantUsageEntitlement (usage-based entitlement such as platform events or
 * data storage) or an org limit from {@code /limits} (DailyApiRequests...), with what is allowed and what is used.
 * {@code persistent} marks a level held (storage: {@code IsPersistentResource}) rather than a use that accumulates.
 */
public record Consumption(String metric, LocalDate periodStart, @Nullable LocalDate periodEnd,
		@Nullable BigDecimal allowed, @Nullable BigDecimal used, Source source, boolean persistent) {

	public Consumption(String metric, LocalDate periodStart, @Nullable LocalDate periodEnd, @Nullable BigDecimal allowed,
			@Nullable BigDecimal used, Source source) {
		this(metric, periodStart, periodEnd, allowed, used, source, false);
	}

	public enum Source {

		USAGE_ENTITLEMENT, ORG_LIMIT

	}

}
