package dev.seatkeeper.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.seatkeeper.profile.Entitlement;
import dev.seatkeeper.profile.Entitlement.BillingPeriod;
import org.jspecify.annotations.Nullable;

/** Entitlement lines that read like a contract: {@code seats(10).of("UserLicense:SFDC").at("165", "USD").monthly()}. */
public final class Entitlements {

	private final @Nullable Integer quantity;

	private String model = "UserLicense:SFDC";

	private BigDecimal unitPrice = BigDecimal.ZERO;

	private String currency = "USD";

	private BillingPeriod period = BillingPeriod.MONTHLY;

	private @Nullable LocalDate termStart;

	private @Nullable LocalDate termEnd;

	private Entitlements(@Nullable Integer quantity) {
		this.quantity = quantity;
	}

	public static Entitlements seats(int quantity) {
		return new Entitlements(quantity);
	}

	public static Entitlements siteLicense() {
		return new Entitlements(null);
	}

	public Entitlements of(String modelIdentifier) {
		this.model = modelIdentifier;
		return this;
	}

	public Entitlements at(String price, String currencyCode) {
		this.unitPrice = new BigDecimal(price);
		this.currency = currencyCode;
		return this;
	}

	public Entitlements annually() {
		this.period = BillingPeriod.ANNUAL;
		return this;
	}

	Entitlements term(String start, String end) {
		this.termStart = LocalDate.parse(start);
		this.termEnd = LocalDate.parse(end);
		return this;
	}

	public Entitlement line() {
		return new Entitlement(this.model, this.model + " seats", this.quantity, this.unitPrice, this.currency,
				this.period, this.termStart, this.termEnd);
	}

}
