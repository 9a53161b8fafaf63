package dev.seatkeeper.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import dev.seatkeeper.profile.Entitlement;
import dev.seatkeeper.profile.Entitlement.BillingPeriod;
import org.jspecify.annotations.Nullable;

/**
 * What the entitlement lines naming one model say is owned on a date. A line counts while its term covers the date
 * (open ends count as covered); lines outside their term own nothing but still price a true-up. Several current
 * lines add up; any current site license (no quantity) makes the model unlimited.
 */
record Ownership(List<Entitlement> lines, LocalDate on) {

	static final int CENTS = 2;

	Ownership {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("an ownership needs at least one entitlement line");
		}
		long currencies = lines.stream().map(Entitlement::currency).distinct().count();
		if (currencies > 1) {
			throw new IllegalArgumentException(lines.get(0).model() + ": entitlements in " + currencies
					+ " currencies; one model is priced in one currency");
		}
	}

	List<Entitlement> current() {
		return this.lines.stream().filter(this::covers).toList();
	}

	boolean termExpired() {
		return current().isEmpty();
	}

	boolean siteLicense() {
		return current().stream().anyMatch(line -> line.quantity() == null);
	}

	/** Counted seats owned; null for a site license. */
	@Nullable Integer seats() {
		if (siteLicense()) {
			return null;
		}
		return current().stream().mapToInt(line -> line.quantity()).sum();
	}

	String currency() {
		return this.lines.get(0).currency();
	}

	String label() {
		return this.lines.get(0).label();
	}

	/** The dearest annual seat price of the current lines (of all lines when none is current): a true-up pays list. */
	BigDecimal unitPriceAnnual() {
		List<Entitlement> pricing = termExpired() ? this.lines : current();
		return pricing.stream().map(Ownership::annualPrice).max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
	}

	BigDecimal costAnnual() {
		return current().stream()
			.map(line -> (line.quantity() == null) ? annualPrice(line)
					: annualPrice(line).multiply(BigDecimal.valueOf(line.quantity())))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	static BigDecimal annualPrice(Entitlement line) {
		return (line.billingPeriod() == BillingPeriod.MONTHLY) ? line.unitPrice().multiply(BigDecimal.valueOf(12))
				: line.unitPrice();
	}

	static BigDecimal cents(BigDecimal amount) {
		return amount.setScale(CENTS, RoundingMode.HALF_EVEN);
	}

	static BigDecimal monthly(BigDecimal annual) {
		return annual.divide(BigDecimal.valueOf(12), CENTS, RoundingMode.HALF_EVEN);
	}

	private boolean covers(Entitlement line) {
		boolean started = line.termStart() == null || !line.termStart().isAfter(this.on);
		boolean notEnded = line.termEnd() == null || !line.termEnd().isBefore(this.on);
		return started && notEnded;
	}

}
