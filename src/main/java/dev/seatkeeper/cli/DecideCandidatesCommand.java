package dev.seatkeeper.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.profile.ProfileCatalog;
import dev.seatkeeper.profile.Profiles;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.reclamation.candidate.CandidateState;
import dev.seatkeeper.reclamation.candidate.CandidateStore;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * An operator's decision on candidates picked by id, or on all matching the filters with {@code --all}; one of the two
 * is required so a bare command never decides everything. Only candidates in a state the decision applies to move,
 * each recorded with the operator (from {@code --operator}, else the OS user) and the time. Every decision first
 * prints what it changes (count per profile, rule and state); more than {@value #CONFIRM_ABOVE} candidates need
 * {@code --yes}; an id that matches no candidate stops the command before anything moves.
 */
abstract class DecideCandidatesCommand extends FilteredCandidatesCommand {

	/** Above this many candidates a decision must be confirmed with {@code --yes}. */
	static final int CONFIRM_ABOVE = 50;

	private final CandidateStore store;

	private final Clock clock;

	private final @Nullable Profiles profiles;

	@Option(names = "--id", split = ",", description = "Candidate ids.")
	List<Long> ids = new ArrayList<>();

	@Option(names = "--all", description = "Every candidate matching the filters.")
	boolean all;

	@Option(names = "--operator", description = "Who decides (default: the OS user).")
	@Nullable String operator;

	@Option(names = "--yes", description = "Confirm a decision on more than " + CONFIRM_ABOVE + " candidates.")
	boolean yes;

	@Option(names = "--profiles-dir", description = "Directory of profile files (default: $SEATKEEPER_PROFILES_DIR or jobs/profiles).")
	@Nullable Path profilesDir;

	DecideCandidatesCommand(CandidateStore store, Clock clock, @Nullable Profiles profiles) {
		this.store = store;
		this.clock = clock;
		this.profiles = profiles;
	}

	abstract CandidateState decision();

	abstract Set<CandidateState> decidableFrom();

	/** What the operator should know before candidates of these profiles move (e.g. that nothing will be written). */
	void warn(Set<String> profileNames, @Nullable ProfileCatalog catalog, PrintWriter out) {
	}

	@Override
	public Integer call() {
		PrintWriter out = out();
		if (this.ids.isEmpty() == !this.all) {
			out.println("Name the candidates with --id, or pass --all to decide every candidate matching the filters.");
			return ExitCode.USAGE.code();
		}
		List<Candidate> matching = this.store.find(filter());
		List<Long> unknown = this.all ? List.of()
				: this.ids.stream().filter(id -> matching.stream().noneMatch(c -> c.id() == id)).distinct().toList();
		if (!unknown.isEmpty()) {
			out.printf("No candidate %s matches%s; nothing was %s. Check the ids with 'candidates list'.%n",
					unknown.stream().map(String::valueOf).collect(Collectors.joining(", ")),
					filtered() ? " the filters" : "", verb());
			return ExitCode.INVALID_CONFIGURATION.code();
		}
		List<Candidate> targets = this.all ? matching
				: matching.stream().filter(candidate -> this.ids.contains(candidate.id())).toList();
		List<Candidate> moving = targets.stream().filter(c -> decidableFrom().contains(c.state())).toList();
		reportLeftAlone(targets, out);
		out.printf("%s %d candidate(s):%n", capitalized(), moving.size());
		summary(moving).forEach((group, states) -> out.printf("  %s: %s%n", group, states));
		if (moving.size() > CONFIRM_ABOVE && !this.yes) {
			out.printf("Nothing was %s: a decision on more than %d candidates needs --yes.%n", verb(), CONFIRM_ABOVE);
			return ExitCode.USAGE.code();
		}
		warn(moving.stream().map(c -> c.key().profile()).collect(Collectors.toCollection(java.util.TreeSet::new)),
				catalog(), out);
		String who = (this.operator != null) ? this.operator : System.getProperty("user.name", "unknown");
		int decided = 0;
		for (Candidate candidate : moving) {
			if (this.store.decide(candidate, decision(), who, this.clock.instant())) {
				decided++;
			}
			else {
				out.printf("Candidate %d changed while deciding: not %s%n", candidate.id(), verb());
			}
		}
		out.printf("%d candidate(s) %s by %s%n", decided, verb(), who);
		return ExitCode.OK.code();
	}

	/** Names each picked candidate that stays as it is; with --all only the counts, which can run into thousands. */
	private void reportLeftAlone(List<Candidate> targets, PrintWriter out) {
		List<Candidate> staying = targets.stream().filter(c -> !decidableFrom().contains(c.state())).toList();
		if (!this.all) {
			staying.forEach(c -> out.printf("Candidate %d is %s: not %s%n", c.id(), c.state(), verb()));
			return;
		}
		if (!staying.isEmpty()) {
			Map<CandidateState, Long> byState = staying.stream()
				.collect(Collectors.groupingBy(Candidate::state, TreeMap::new, Collectors.counting()));
			out.printf("Left alone (%s cannot be %s here): %s%n", String.join(", ", byState.keySet().stream().map(Enum::name).toList()),
					verb(), counts(byState));
		}
	}

	/** Candidates by "profile X, rule Y" with their counts per state. */
	static Map<String, String> summary(List<Candidate> candidates) {
		Map<String, Map<CandidateState, Long>> groups = candidates.stream()
			.collect(Collectors.groupingBy(c -> "profile " + c.key().profile() + ", rule " + c.key().rule(), TreeMap::new,
					Collectors.groupingBy(Candidate::state, TreeMap::new, Collectors.counting())));
		Map<String, String> summary = new TreeMap<>();
		groups.forEach((group, states) -> summary.put(group, counts(states)));
		return summary;
	}

	private static String counts(Map<CandidateState, Long> byState) {
		return byState.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
	}

	private @Nullable ProfileCatalog catalog() {
		return (this.profiles != null) ? this.profiles.load(this.profilesDir) : null;
	}

	private boolean filtered() {
		return this.profile != null || this.state != null || this.rule != null;
	}

	String verb() {
		return decision().name().toLowerCase(Locale.ROOT);
	}

	private String capitalized() {
		return switch (decision()) {
			case APPROVED -> "Approving";
			case REJECTED -> "Rejecting";
			default -> "Deciding";
		};
	}

}
