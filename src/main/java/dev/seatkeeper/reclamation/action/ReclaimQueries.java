package dev.seatkeeper.reclamation.action;

import java.util.List;
import java.util.Locale;

import dev.seatkeeper.license.SoftwareModel.Kind;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.salesforce.SalesforceIds;
import org.jspecify.annotations.Nullable;

/** Small pieces the reclaim actions share to build their look-ups and match the answers to candidates. */
final class ReclaimQueries {

	private ReclaimQueries() {
	}

	/** The candidates' user Ids, each once, in order. */
	static List<String> userIds(List<Candidate> candidates) {
		return candidates.stream().map(c -> c.key().userId()).distinct().toList();
	}

	/** The key of a candidate's model when it is of the given kind ({@code SBQQ} of {@code PackageLicense:SBQQ}), else null. */
	static @Nullable String licenseKey(Candidate candidate, Kind kind) {
		String model = candidate.key().model();
		return (Kind.ofIdentifier(model) == kind) ? model.substring(model.indexOf(':') + 1) : null;
	}

	static String userAndKey(@Nullable String userId, @Nullable String key) {
		return SalesforceIds.id15(userId) + "/" + ((key != null) ? key.toLowerCase(Locale.ROOT) : "");
	}

}
