package dev.seatkeeper.profile;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What the company owns of one software model ({@code UserLicense:SFDC}, {@code FeatureLicense:SupportUser}...).
 * A null {@code quantity} means a site license (unlimited seats).
 */
public record Entitlement(String model, String label, @Nullable Integer quantity, BigDecimal unitPrice,
		String currency, BillingPeriod billingPeriod, @Nullable LocalDate termStart, @Nullable LocalDate termEnd) {

	public enum BillingPeriod {

		MONTHLY, ANNUAL

	}

}
