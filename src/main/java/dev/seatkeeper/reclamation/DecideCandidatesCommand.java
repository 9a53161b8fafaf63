package dev.seatkeeper.reclamation;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.seatkeeper.cli.ExitCode;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * An operator's decision on candidates picked by id, or on all matching the filters with {@code --all}; one of the two
 * is required so a bare command never decides everything. Only candidates in a state the decision applies to move,
 * each recorded with the operator (from {@code --operator}, else the OS user) and the time.
 */
abstract class DecideCandidatesCommand implements Callable<Integer> {

	private final CandidateStore store;

	private final Clock clock;

	@ArgGroup(exclusive = true, multiplicity = "1")
	Target target = new Target();

	@Mixin
	CandidateSelection selection = new CandidateSelection();

	@Option(names = "--operator", description = "Who decides (default: the OS user).")
	@Nullable String operator;

	@Spec
	@Nullable CommandSpec spec;

	DecideCandidatesCommand(CandidateStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	static class Target {

		@Option(names = "--id", split = ",", description = "Candidate ids.")
		List<Long> ids = List.of();

		@Option(names = "--all", description = "Every candidate matching the filters.")
		boolean all;

	}

	abstract CandidateState decision();

	abstract Set<CandidateState> decidableFrom();

	@Override
	public Integer call() {
		PrintWriter out = CandidateOutput.out(this.spec);
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
		out.flush();
		return ExitCode.OK.code();
	}

	private List<Candidate> targets() {
		List<Candidate> matching = this.selection.find(this.store);
		if (this.target.all) {
			return matching;
		}
		List<Candidate> picked = matching.stream().filter(candidate -> this.target.ids.contains(candidate.id())).toList();
		this.target.ids.stream()
			.filter(id -> picked.stream().noneMatch(candidate -> candidate.id() == id))
			.forEach(id -> CandidateOutput.out(this.spec).printf("No candidate %d matches%n", id));
		return picked;
	}

}
