package dev.seatkeeper.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.profile.ConsumptionEntitlement;
import dev.seatkeeper.profile.Entitlement.BillingPeriod;
import dev.seatkeeper.reconciliation.ConsumptionPosition.Status;
import org.jspecify.annotations.Nullable;

/**
 * Consumption positions: each reading against its allowance (the profile's entitlement when one names the metric,
 * else Salesforce's), projected linearly to the period end: used × period length ÷ time elapsed since the period
 * started (UTC days, the end date inclusive). A period without an end takes the entitlement's period (a month or a
 * year from its start); without either there is no projection. A metric whose source could not be read this run is
 * {@code NO_DATA} with the reason, never judged on an older reading. Pure and thread-safe.
 */
public final class ConsumptionCalculator {

	static final int SCALE = 4;

	private final Instant asOf;

	public ConsumptionCalculator(Instant asOf) {
		this.asOf = asOf;
	}

	public List<ConsumptionPosition> positions(List<ConsumptionReading> readings,
			List<ConsumptionEntitlement> entitlements) {
		return positions(readings, entitlements, Map.of());
	}

	/** @param unread the sources ({@code USAGE_ENTITLEMENT}, {@code ORG_LIMIT}) not read this run, with the reason */
	public List<ConsumptionPosition> positions(List<ConsumptionReading> readings,
			List<ConsumptionEntitlement> entitlements, Map<String, String> unread) {
		Map<String, ConsumptionEntitlement> byMetric = new LinkedHashMap<>();
		entitlements.forEach(entitlement -> byMetric.put(entitlement.metric(), entitlement));
		List<ConsumptionPosition> positions = new ArrayList<>();
		for (ConsumptionReading reading : readings) {
			ConsumptionEntitlement entitlement = byMetric.remove(reading.metric());
			String reason = unread.get(reading.source());
			positions.add((reason == null) ? position(reading, entitlement)
					: noData(reading.metric(), reading.source(), entitlement, reading.source() + " not read: " + reason));
		}
		String missing = unread.isEmpty() ? "Salesforce reports no reading of this metric"
				: "not reported; " + String.join("; ", unread.entrySet().stream()
					.map(source -> source.getKey() + " not read: " + source.getValue()).toList());
		byMetric.values().forEach(entitlement -> positions.add(noData(entitlement.metric(), null, entitlement, missing)));
		return positions;
	}

	private static ConsumptionPosition noData(String metric, @Nullable String source,
			@Nullable ConsumptionEntitlement entitlement, String reason) {
		return new ConsumptionPosition(metric, source, null, null, (entitlement != null) ? entitlement.allowed() : null,
				(entitlement != null) ? "PROFILE" : "SALESFORCE", null, null, Status.NO_DATA, reason);
	}

	private ConsumptionPosition position(ConsumptionReading reading, @Nullable ConsumptionEntitlement entitlement) {
		BigDecimal allowed = (entitlement != null) ? entitlement.allowed() : reading.allowed();
		LocalDate end = (reading.periodEnd() != null) ? reading.periodEnd() : endOf(reading.periodStart(), entitlement);
		// A persistent resource (storage) is a level, not a use that grows over the period: projecting it would raise
		// false alarms, so it is judged at the reading only (WITHIN or OVER).
		BigDecimal projected = (reading.used() != null && end != null && !reading.persistent())
				? project(reading.used(), reading.periodStart(), end) : null;
		return new ConsumptionPosition(reading.metric(), reading.source(), reading.periodStart(), end, allowed,
				(entitlement != null) ? "PROFILE" : "SALESFORCE", reading.used(), projected,
				status(allowed, reading.used(), projected));
	}

	/** Linear from the period start to the as-of instant; a period not begun or already over projects what is used. */
	BigDecimal project(BigDecimal used, LocalDate start, LocalDate endInclusive) {
		Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant to = endInclusive.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		if (!this.asOf.isAfter(from) || !this.asOf.isBefore(to)) {
			return used.setScale(SCALE, RoundingMode.HALF_UP);
		}
		BigDecimal elapsed = BigDecimal.valueOf(Duration.between(from, this.asOf).toSeconds());
		BigDecimal length = BigDecimal.valueOf(Duration.between(from, to).toSeconds());
		return used.multiply(length).divide(elapsed, SCALE, RoundingMode.HALF_UP);
	}

	private static @Nullable LocalDate endOf(LocalDate start, @Nullable ConsumptionEntitlement entitlement) {
		if (entitlement == null) {
			return null;
		}
		LocalDate next = (entitlement.period() == BillingPeriod.MONTHLY) ? start.plusMonths(1) : start.plusYears(1);
		return next.minusDays(1);
	}

	private static Status status(@Nullable BigDecimal allowed, @Nullable BigDecimal used, @Nullable BigDecimal projected) {
		if (allowed == null) {
			return Status.NO_ALLOWANCE;
		}
		if (used != null && used.compareTo(allowed) > 0) {
			return Status.OVER;
		}
		return (projected != null && projected.compareTo(allowed) > 0) ? Status.PROJECTED_OVER : Status.WITHIN;
	}

}
