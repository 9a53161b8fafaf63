package dev.seatkeeper.reconciliation.report;

import java.util.List;

import dev.seatkeeper.reconciliation.CurrencyTotal;

/**
 * The latest (or a given date's) position of several profiles, their money per currency, and the people who hold
 * paid licenses in more than one org.
 */
public record PortfolioReport(int schemaVersion, List<PositionReport> profiles, List<CurrencyTotal> totals,
		List<CrossOrgUser> usersInSeveralOrgs) {

	/** A person (matched by e-mail, else username, case-insensitively) and the paid licenses held in each org. */
	public record CrossOrgUser(String identity, List<Holding> holdings) {
	}

	/** What one user of one org holds among the models that org pays for. */
	public record Holding(String profile, String userId, String username, List<String> paidModels) {
	}

}
