package dev.seatkeeper.cli;

import java.time.Clock;
import java.util.Set;

import dev.seatkeeper.profile.Profiles;
import dev.seatkeeper.reclamation.candidate.CandidateState;
import dev.seatkeeper.reclamation.candidate.CandidateStore;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code candidates reject}: the operator keeps the license; no later run reopens a rejected candidate. Another
 * operator's (or the job's) approval stands unless {@code --include-approved} says to reject approved candidates too.
 */
@Command(name = "reject", description = "Reject candidates by --id or --all matching the filters.")
public class RejectCandidatesCommand extends DecideCandidatesCommand {

	@Option(names = "--include-approved", description = "Reject APPROVED candidates too (by default their approval stands).")
	boolean includeApproved;

	public RejectCandidatesCommand(CandidateStore store, Clock clock, @Nullable Profiles profiles) {
		super(store, clock, profiles);
	}

	@Override
	CandidateState decision() {
		return CandidateState.REJECTED;
	}

	@Override
	Set<CandidateState> decidableFrom() {
		return this.includeApproved ? Set.of(CandidateState.NEW, CandidateState.NOTIFIED, CandidateState.APPROVED)
				: Set.of(CandidateState.NEW, CandidateState.NOTIFIED);
	}

}
