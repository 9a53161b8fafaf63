package dev.seatkeeper.reconciliation;

import java.util.List;

/**
 * Models whose seats Seatkeeper and Salesforce count differently: a non-zero {@code drift} (Salesforce's used count −
 * assigned). Zero drift is the normal case, so reports list only these.
 */
public final class Drift {

	private Drift() {
	}

	public static List<LicensePosition> of(List<LicensePosition> positions) {
		return positions.stream()
			.filter(position -> position.seats().drift() != null && position.seats().drift() != 0)
			.toList();
	}

}
