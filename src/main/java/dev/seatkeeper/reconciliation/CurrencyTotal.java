package dev.seatkeeper.reconciliation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.seatkeeper.reconciliation.LicensePosition.Money;

/** The money of a set of positions in one currency. Amounts in different currencies are never added together. */
public record CurrencyTotal(String currency, BigDecimal costMonthly, BigDecimal costAnnual,
		BigDecimal inactiveCostAnnual, BigDecimal trueUpExposureAnnual, BigDecimal savingsAnnual,
		BigDecimal savingsAfterReclamationAnnual) {

	/** One total per currency, in currency-code order. */
	public static List<CurrencyTotal> of(List<LicensePosition> positions) {
		Map<String, CurrencyTotal> totals = new TreeMap<>();
		for (LicensePosition position : positions) {
			Money money = position.money();
			if (money != null) {
				totals.merge(money.currency(), of(money), CurrencyTotal::plus);
			}
		}
		return List.copyOf(totals.values());
	}

	private static CurrencyTotal of(Money money) {
		return new CurrencyTotal(money.currency(), money.costMonthly(), money.costAnnual(), money.inactiveCostAnnual(),
				money.trueUpExposureAnnual(), money.savingsAnnual(), money.savingsAfterReclamationAnnual());
	}

	private CurrencyTotal plus(CurrencyTotal other) {
		return new CurrencyTotal(this.currency, this.costMonthly.add(other.costMonthly),
				this.costAnnual.add(other.costAnnual), this.inactiveCostAnnual.add(other.inactiveCostAnnual),
				this.trueUpExposureAnnual.add(other.trueUpExposureAnnual), this.savingsAnnual.add(other.savingsAnnual),
				this.savingsAfterReclamationAnnual.add(other.savingsAfterReclamationAnnual));
	}

}
