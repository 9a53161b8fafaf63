package dev.seatkeeper.reclamation;

import java.io.PrintStream;
import java.util.List;

import dev.seatkeeper.cli.ExitCode;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;

/**
 * {@code candidates list}: candidates matching the filters, oldest first, with why they are in their state: the
 * operator's decision, else the reason, else what became of the user's notice.
 */
@Command(name = "list", description = "List candidates (filter by --profile, --state, --rule).")
public class ListCandidatesCommand extends FilteredCandidatesCommand {

	private static final String FORMAT = "%-6s %-16s %-18s %-28s %-16s %-29s %-9s %-20s %-20s %s%n";

	private final CandidateStore store;

	public ListCandidatesCommand(CandidateStore store) {
		this.store = store;
	}

	@Override
	public Integer call() {
		PrintStream out = System.out;
		List<Candidate> candidates = this.store.find(filter());
		if (candidates.isEmpty()) {
			out.println("No candidates match.");
			return ExitCode.OK.code();
		}
		out.printf(FORMAT, "id", "profile", "user", "model", "rule", "action", "state", "since (UTC)",
				"last activity (UTC)", "note");
		for (Candidate candidate : candidates) {
			CandidateKey key = candidate.key();
			out.printf(FORMAT, candidate.id(), key.profile(), key.userId(), key.model(), key.rule(), candidate.action(),
					candidate.state(), candidate.stateChangedAt(), text(candidate.lastActivityAt()), note(candidate));
		}
		return ExitCode.OK.code();
	}

	private static String note(Candidate candidate) {
		if (candidate.decidedBy() != null) {
			return "decided by " + candidate.decidedBy() + " at " + candidate.decidedAt();
		}
		return text((candidate.reason() != null) ? candidate.reason() : candidate.notice());
	}

	private static String text(@Nullable Object value) {
		return (value != null) ? value.toString() : "-";
	}

}
