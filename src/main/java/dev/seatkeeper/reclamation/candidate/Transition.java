package dev.seatkeeper.reclamation.candidate;

import org.jspecify.annotations.Nullable;

/** A candidate's next state and why; {@code from} is null for a candidate seen for the first time. */
public record Transition(@Nullable CandidateState from, CandidateState to, @Nullable String reason) {

	public boolean changesState() {
		return this.from != this.to;
	}

	/** A canceled or skipped candidate that is idle again starts over as NEW. */
	public boolean reopens() {
		return this.from != null && this.from != CandidateState.NEW && this.to == CandidateState.NEW;
	}

}
