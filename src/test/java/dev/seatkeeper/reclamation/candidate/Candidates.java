package dev.seatkeeper.reclamation.candidate;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import dev.seatkeeper.profile.ReclamationSettings.Action;

/** Stored candidates for tests: {@code Candidates.approved(Action.FREEZE, userId, "UserLicense:SFDC")}. */
public final class Candidates {

	public static final Instant AS_OF = Instant.parse("2026-11-27T02:00:00Z");

	private static final AtomicLong IDS = new AtomicLong();

	private Candidates() {
	}

	public static Candidate approved(Action action, String userId, String model) {
		return new Candidate(IDS.incrementAndGet(), new CandidateKey("acme", userId, model, "idle-60"), action,
				CandidateState.APPROVED, null, null, AS_OF, AS_OF, AS_OF, null, null, null, null);
	}

}
