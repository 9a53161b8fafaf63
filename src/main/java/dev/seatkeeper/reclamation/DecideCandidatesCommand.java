package dev.seatkeeper.reclamation;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.seatkeeper.cli.ExitCode;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * An operator's decision on candidates picked by id, or on all matching the filters with {@code --all}; one of the two
 * is required so a bare command never decides everything. Only candidates in a state the decision applies to move,
 * each recorded with the operator (from {@code --operator}, else the OS user) and the time.
 */
abstract class DecideCandidatesCommand extends FilteredCandidatesCommand {

	private final CandidateStore store;

	private final Clock clock;

	@Option(names = "--id", split = ",", description = "Candidate ids.")
	List<Long> ids = new ArrayList<>();

	@Option(names = "--all", description = "Every candidate matching the filters.")
	boolean all;

	@Option(names = "--operator", description = "Who decides (default: the OS user).")
	@Nullable String operator;

	DecideCandidatesCommand(CandidateStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	abstract CandidateState decision();

	abstract Set<CandidateState> decidableFrom();

	@Override
	public Integer call() {
		PrintStream out = System.out;
		if (this.ids.isEmpty() == !this.all) {
			out.println("Name the candidates with --id, or pass --all to decide every candidate matching the filters.");
				return ExitCode.USAGE.code();
		}
		String who = (this.operator != null) ? this.operator : System.getProperty("user.name", "unknown");
		int decided = 0;
		for (Candidate candidate : targets()) {
			if (decidableFrom().contains(candidate.state())
					&& this.store.decide(candidate, decision(), who, this.clock.instant())) {
				decided++;
			}
			else {
				out.printf("Candidate %d is %s: not %s%n", candidate.id(), candidate.state(),
						decision().name().toLowerCase(Locale.ROOT));
			}
		}
		out.printf("%d candidate(s) %s by %s%n", decided, decision().name().toLowerCase(Locale.ROOT), who);
		return ExitCode.OK.code();
	}

	private List<Candidate> targets() {
		List<Candidate> matching = this.store.find(filter());
		if (this.all) {
			return matching;
		}
		List<Candidate> picked = matching.stream().filter(candidate -> this.ids.contains(candidate.id())).toList();
		this.ids.stream()
			.filter(id -> picked.stream().noneMatch(candidate -> candidate.id() == id))
			.forEach(id -> System.out.printf("No candidate %d matches%n", id));
		return picked;
	}

}
