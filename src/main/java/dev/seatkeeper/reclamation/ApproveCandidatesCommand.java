package dev.seatkeeper.reclamation;

import java.time.Clock;
import java.util.Set;

import picocli.CommandLine.Command;

/** {@code candidates approve}: lets new or notified candidates be reclaimed. */
@Command(name = "approve", description = "Approve candidates by --id or --all matching the filters.")
public class ApproveCandidatesCommand extends DecideCandidatesCommand {

	public ApproveCandidatesCommand(CandidateStore store, Clock clock) {
		super(store, clock);
	}

	@Override
	CandidateState decision() {
		return CandidateState.APPROVED;
	}

	@Override
	Set<CandidateState> decidableFrom() {
		return Set.of(CandidateState.NEW, CandidateState.NOTIFIED);
	}

}
