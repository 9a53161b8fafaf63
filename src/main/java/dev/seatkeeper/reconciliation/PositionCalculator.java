package dev.seatkeeper.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.seatkeeper.profile.Entitlement;
import dev.seatkeeper.reconciliation.LicensePosition.Logins;
import dev.seatkeeper.reconciliation.LicensePosition.Money;
import dev.seatkeeper.reconciliation.LicensePosition.Seats;
import org.jspecify.annotations.Nullable;

/**
 * The position arithmetic: each model of the org against the entitlement lines naming it, then each entitlement
 * naming a model the org lacks. Pure and thread-safe; the reconcile step feeds it from the tables.
 */
public final class PositionCalculator {

	private static final BigDecimal ZERO = Ownership.cents(BigDecimal.ZERO);

	private final LocalDate on;

	private final Function<String, ReclamationCounts> reclamation;

	/** @param on the run's as-of date, against which entitlement terms are read */
	public PositionCalculator(LocalDate on, Function<String, ReclamationCounts> reclamation) {
		this.on = on;
		this.reclamation = reclamation;
	}

	public List<LicensePosition> positions(List<ModelUsage> models, List<Entitlement> entitlements,
			int defaultThresholdDays) {
		Map<String, List<Entitlement>> linesByModel = new LinkedHashMap<>();
		entitlements.forEach(line -> linesByModel.computeIfAbsent(line.model(), model -> new ArrayList<>()).add(line));
		List<LicensePosition> positions = new ArrayList<>();
		for (ModelUsage usage : models) {
			List<Entitlement> lines = linesByModel.remove(usage.model());
			if (usage.loginBased()) {
				positions.add(loginBased(usage, (lines != null) ? new Ownership(lines, this.on) : null));
			}
			else {
				positions.add((lines != null) ? owned(usage, new Ownership(lines, this.on)) : unknown(usage));
			}
		}
		linesByModel.forEach((model, lines) -> positions
			.add(notInOrg(new ModelUsage(model, lines.get(0).label(), null, 0, 0, defaultThresholdDays), lines)));
		return positions;
	}

	private LicensePosition unknown(ModelUsage usage) {
		ReclamationCounts counts = this.reclamation.apply(usage.model());
		Seats seats = new Seats(null, false, usage.provisioned(), usage.assigned(), usage.active(), inactive(usage),
				counts.openCandidates(), counts.reclaimedThisRun(), 0, 0, 0, 0)
			.withSalesforceCounts(usage.salesforceUsed(), usage.salesforceActive());
		return new LicensePosition(usage.model(), usage.label(), PositionStatus.UNKNOWN, usage.thresholdDays(), false,
				seats, null);
	}

	/**
	 * A login-based license is billed by logins a month: its status is this month's logins against Salesforce's
	 * allowance, and its idle users cost nothing, so it has no shortfall, shelfware, savings or inactive cost in seats.
	 * The profile's lines, where there are any, price it.
	 */
	private LicensePosition loginBased(ModelUsage usage, @Nullable Ownership ownership) {
		ReclamationCounts counts = this.reclamation.apply(usage.model());
		Integer owned = (ownership != null) ? ownership.seats() : null;
		Seats seats = new Seats(owned, ownership != null && owned == null, usage.provisioned(), usage.assigned(),
				usage.active(), inactive(usage), counts.openCandidates(), counts.reclaimedThisRun(), 0, 0, 0, 0)
			.withSalesforceCounts(usage.salesforceUsed(), usage.salesforceActive());
		Logins logins = new Logins(Objects.requireNonNull(usage.monthlyLoginsEntitled()), usage.monthlyLoginsUsed());
		PositionStatus status = (logins.over() > 0) ? PositionStatus.UNDER_LICENSED : PositionStatus.COMPLIANT;
		Money money = (ownership != null) ? new Money(ownership.currency(), Ownership.cents(ownership.unitPriceAnnual()),
				Ownership.monthly(ownership.costAnnual()), Ownership.cents(ownership.costAnnual()), ZERO, ZERO, ZERO, ZERO)
				: null;
		return new LicensePosition(usage.model(), usage.label(), status, usage.thresholdDays(),
				ownership != null && ownership.termExpired(), seats, money, logins);
	}

	private LicensePosition notInOrg(ModelUsage usage, List<Entitlement> lines) {
		LicensePosition owned = owned(usage, new Ownership(lines, this.on));
		return new LicensePosition(owned.model(), owned.label(), PositionStatus.NOT_IN_ORG, owned.thresholdDays(),
				owned.termExpired(), owned.seats(), owned.money());
	}

	private LicensePosition owned(ModelUsage usage, Ownership ownership) {
		ReclamationCounts counts = this.reclamation.apply(usage.model());
		Integer owned = ownership.seats();
		Seats seats = ((owned == null) ? siteLicenseSeats(usage, counts) : countedSeats(usage, counts, owned))
			.withSalesforceCounts(usage.salesforceUsed(), usage.salesforceActive());
		return new LicensePosition(usage.model(), usage.label(), status(seats), usage.thresholdDays(),
				ownership.termExpired(), seats, money(ownership, seats));
	}

	private static Seats siteLicenseSeats(ModelUsage usage, ReclamationCounts counts) {
		return new Seats(null, true, usage.provisioned(), usage.assigned(), usage.active(), inactive(usage),
				counts.openCandidates(), counts.reclaimedThisRun(), 0, 0, 0, 0);
	}

	private static Seats countedSeats(ModelUsage usage, ReclamationCounts counts, int owned) {
		int stillHeld = usage.assigned() - counts.openCandidates();
		return new Seats(owned, false, usage.provisioned(), usage.assigned(), usage.active(), inactive(usage),
				counts.openCandidates(), counts.reclaimedThisRun(), atLeastZero(usage.assigned() - owned),
				atLeastZero(owned - usage.assigned()), atLeastZero(owned - usage.active()), atLeastZero(owned - stillHeld));
	}

	private static PositionStatus status(Seats seats) {
		if (seats.siteLicense() || seats.owned() == null) {
			return PositionStatus.COMPLIANT;
		}
		if (seats.shortfall() > 0) {
			return PositionStatus.UNDER_LICENSED;
		}
		return (seats.shelfware() > 0) ? PositionStatus.OVER_LICENSED : PositionStatus.COMPLIANT;
	}

	private static Money money(Ownership ownership, Seats seats) {
		BigDecimal seatAnnual = ownership.unitPriceAnnual();
		BigDecimal costAnnual = ownership.costAnnual();
		// A site license is paid whatever the seats: idle seats cost nothing extra and dropping them saves nothing.
		int inactiveSeats = seats.siteLicense() ? 0 : seats.inactive();
		return new Money(ownership.currency(), Ownership.cents(seatAnnual), Ownership.monthly(costAnnual),
				Ownership.cents(costAnnual), times(seatAnnual, inactiveSeats), times(seatAnnual, seats.shortfall()),
				times(seatAnnual, seats.savings()), times(seatAnnual, seats.savingsAfterReclamation()));
	}

	private static BigDecimal times(BigDecimal price, int seats) {
		return Ownership.cents(price.multiply(BigDecimal.valueOf(seats)));
	}

	private static int inactive(ModelUsage usage) {
		return usage.assigned() - usage.active();
	}

	private static int atLeastZero(int value) {
		return Math.max(0, value);
	}

}
