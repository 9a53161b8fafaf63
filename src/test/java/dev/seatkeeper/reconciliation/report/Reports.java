package dev.seatkeeper.reconciliation.report;

import static dev.seatkeeper.reconciliation.Entitlements.seats;
import static dev.seatkeeper.reconciliation.Entitlements.siteLicense;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.seatkeeper.profile.ConsumptionEntitlement;
import dev.seatkeeper.profile.Entitlement.BillingPeriod;
import dev.seatkeeper.reconciliation.ConsumptionCalculator;
import dev.seatkeeper.reconciliation.ConsumptionPosition;
import dev.seatkeeper.reconciliation.ConsumptionReading;
import dev.seatkeeper.reconciliation.CurrencyTotal;
import dev.seatkeeper.reconciliation.LicensePosition;
import dev.seatkeeper.reconciliation.ModelUsage;
import dev.seatkeeper.reconciliation.PositionCalculator;
import dev.seatkeeper.reconciliation.ReclamationCounts;
import dev.seatkeeper.reconciliation.report.PositionReport.TrendPoint;

/**
 * A hand-made report with every status, two currencies, a login-based license over its monthly allowance, a week of
 * trend and consumption, for format tests.
 */
public final class Reports {

	public static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	private Reports() {
	}

	public static PositionReport sample(Map<String, Integer> pipeline) {
		List<LicensePosition> models = new PositionCalculator(RUN_DATE, model -> ReclamationCounts.NONE).positions(
				List.of(new ModelUsage("UserLicense:SFDC", "Sales Cloud, \"Enterprise\"", 130, 120, 90, 60, 120, null),
						new ModelUsage("FeatureLicense:SupportUser", "Service Cloud <EU>", null, 40, 38, 60),
						new ModelUsage("UserLicense:AUL", "Salesforce Platform", 60, 55, 50, 60),
						new ModelUsage("PermissionSetLicense:CPQ", "CPQ", 20, 12, 12, 60, 15, 9),
						new ModelUsage("UserLicense:PID_Customer_Community_Login", "Customer Community Login", 2000, 60,
								20, 60, 60, null, 100, 130)),
				List.of(seats(100).of("UserLicense:SFDC").at("165", "USD").line(),
						seats(60).of("FeatureLicense:SupportUser").at("1100", "EUR").annually().line(),
						siteLicense().of("PermissionSetLicense:CPQ").at("5000", "USD").annually().line(),
						seats(10).of("PackageLicense:gone").at("7", "USD").line(),
						seats(5000).of("UserLicense:PID_Customer_Community_Login").at("2", "USD").line()),
				60);
		List<TrendPoint> trend = new ArrayList<>();
		for (int day = 6; day >= 0; day--) {
			LocalDate date = RUN_DATE.minusDays(day);
			trend.add(new TrendPoint(date, "UserLicense:SFDC", 100, 120 - day, 90 - 2 * day));
			trend.add(new TrendPoint(date, "FeatureLicense:SupportUser", 60, 40, 38 - day));
		}
		List<ConsumptionPosition> consumption = new ConsumptionCalculator(Instant.parse("2026-11-27T02:00:00Z")).positions(
				List.of(new ConsumptionReading("PlatformEvents", "USAGE_ENTITLEMENT", LocalDate.of(2026, 11, 1),
						LocalDate.of(2026, 11, 30), new BigDecimal("100000"), new BigDecimal("95000"))),
				List.of(new ConsumptionEntitlement("DataStorageMB", new BigDecimal("2048"), BillingPeriod.MONTHLY)));
		return new PositionReport(PositionReport.SCHEMA_VERSION, "acme", RUN_DATE, Instant.parse("2026-11-27T02:00:00Z"),
				models, CurrencyTotal.of(models), consumption, trend, new LinkedHashMap<>(pipeline));
	}

}
