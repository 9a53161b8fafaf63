package dev.seatkeeper.profile;

import java.math.BigDecimal;

/** An allowance of a usage-based metric (a TenantUsageEntitlement key or an API limit) per period. */
public record ConsumptionEntitlement(String metric, BigDecimal allowed, Entitlement.BillingPeriod period) {

}
