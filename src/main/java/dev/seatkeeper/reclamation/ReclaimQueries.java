package dev.seatkeeper.reclamation;

import java.util.List;
import java.util.Locale;

import dev.seatkeeper.license.SoftwareModel.Kind;
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

	/**
	 * An Id comparable whether Salesforce wrote it with 15 or 18 characters: the case-sensitive first 15. Joined
	 * with a license key (compared without case, as SOQL compares strings) to match an assignment to its candidate.
	 */
	static String id15(@Nullable String id) {
		if (id == null) {
			return "";
		}
		return (id.length() > 15) ? id.substring(0, 15) : id;
	}

	static String userAndKey(@Nullable String userId, @Nullable String key) {
		return id15(userId) + "/" + ((key != null) ? key.toLowerCase(Locale.ROOT) : "");
	}

}
