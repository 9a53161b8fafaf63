package dev.seatkeeper.reconciliation.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.seatkeeper.reconciliation.report.PortfolioReport.CrossOrgUser;
import dev.seatkeeper.reconciliation.report.PortfolioReport.Holding;
import org.jspecify.annotations.Nullable;

/**
 * Finds people holding paid licenses in more than one org. A person is identified by e-mail, else by username,
 * compared case-insensitively; holdings in one org alone are not reported. Pure; the caller supplies the rows.
 */
final class CrossOrgUsers {

	/** One current subscription of an active user to a model its org pays for. */
	record PaidSubscription(String profile, String userId, String username, @Nullable String email, String model) {
	}

	private CrossOrgUsers() {
	}

	static List<CrossOrgUser> of(List<PaidSubscription> subscriptions) {
		Map<String, Map<String, Holding>> byIdentity = new TreeMap<>();
		for (PaidSubscription subscription : subscriptions) {
			Map<String, Holding> holdings = byIdentity.computeIfAbsent(identity(subscription), key -> new LinkedHashMap<>());
			String holder = subscription.profile() + "/" + subscription.userId();
			Holding held = holdings.computeIfAbsent(holder, key -> new Holding(subscription.profile(),
					subscription.userId(), subscription.username(), new ArrayList<>()));
			held.paidModels().add(subscription.model());
		}
		List<CrossOrgUser> users = new ArrayList<>();
		byIdentity.forEach((identity, holdings) -> {
			long orgs = holdings.values().stream().map(Holding::profile).distinct().count();
			if (orgs > 1) {
				users.add(new CrossOrgUser(identity, holdings.values()
					.stream()
					.map(held -> new Holding(held.profile(), held.userId(), held.username(),
							held.paidModels().stream().sorted().toList()))
					.toList()));
			}
		});
		return users;
	}

	private static String identity(PaidSubscription subscription) {
		String email = subscription.email();
		String identity = (email != null && !email.isBlank()) ? email : subscription.username();
		return identity.trim().toLowerCase(Locale.ROOT);
	}

}
