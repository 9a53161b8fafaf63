package dev.seatkeeper.reclamation;

import java.time.Clock;
import java.util.Set;

import picocli.CommandLine.Command;

/** {@code candidates reject}: the operator keeps the license; no later run reopens a rejected candidate. */
@Command(name = "reject", description = "Reject candidates by --id or --all matching the filters.")
public class RejectCandidatesCommand extends DecideCandidatesCommand {

	public RejectCandidatesCommand(CandidateStore store, Clock clock) {
		super(store, clock);
	}

	@Override
	CandidateState decision() {
		return CandidateState.REJECTED;
	}

	@Override
	Set<CandidateState> decidableFrom() {
		return Set.of(CandidateState.NEW, CandidateState.NOTIFIED, CandidateState.APPROVED);
	}

}
