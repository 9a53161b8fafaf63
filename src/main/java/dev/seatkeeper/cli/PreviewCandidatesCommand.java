package dev.seatkeeper.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ProfileCatalog;
import dev.seatkeeper.profile.Profiles;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings;
import dev.seatkeeper.reclamation.action.CapLedger;
import dev.seatkeeper.reclamation.action.ReclaimCaps;
import dev.seatkeeper.reclamation.candidate.AutoApproval;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.reclamation.candidate.CandidateFilter;
import dev.seatkeeper.reclamation.candidate.CandidateState;
import dev.seatkeeper.reclamation.candidate.CandidateStore;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code candidates preview --profile P}: what the next run would do with the candidates stored now, per rule and
 * action (open, due for approval, written, waiting for the caps, skipped and why) and the cap arithmetic, without a run
 * and without calling Salesforce. It follows the steps' own rules ({@link AutoApproval}, {@link ReclaimCaps}, oldest
 * approval written first); holdings that change before the run (a login, a new idle user) change the outcome.
 */
@Command(name = "preview", description = "Show what the next run of a profile would approve and reclaim, within the caps, without running it.")
public class PreviewCandidatesCommand extends ConsoleCommand {

	private static final String FORMAT = "%-20s %-29s %6s %9s %9s %6s %14s %12s %17s %8s%n";

	private final CandidateStore store;

	private final CapLedger ledger;

	private final Profiles profiles;

	private final Clock clock;

	@Option(names = "--profile", required = true, description = "The profile to preview.")
	String profile = "";

	@Option(names = "--profiles-dir", description = "Directory of profile files (default: $SEATKEEPER_PROFILES_DIR or jobs/profiles).")
	@Nullable Path profilesDir;

	public PreviewCandidatesCommand(CandidateStore store, CapLedger ledger, Profiles profiles, Clock clock) {
		this.store = store;
		this.ledger = ledger;
		this.profiles = profiles;
		this.clock = clock;
	}

	@Override
	public Integer call() {
		PrintWriter out = out();
		ProfileCatalog catalog = this.profiles.load(this.profilesDir);
		Profile found = catalog.find(this.profile).orElse(null);
		if (found == null) {
			out.printf("No profile named %s in the profiles directory; check --profile and --profiles-dir.%n", this.profile);
			return ExitCode.INVALID_CONFIGURATION.code();
		}
		ReclamationSettings settings = found.reclamation();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		ReclaimCaps.Allowance caps = this.ledger.allowance(ReclaimCaps.of(settings), this.profile, now);
		List<Candidate> candidates = this.store.find(new CandidateFilter(this.profile, null, null));
		Outlook outlook = outlook(settings, candidates, caps, now);
		out.printf("Profile %s in %s mode, as of %s, from the %d candidates the last run recorded.%n", this.profile,
				mode(settings.mode()), now, candidates.size());
		out.println(modeNote(settings.mode()));
		out.println("Caps: " + caps.arithmetic() + ".");
		out.printf(FORMAT, "rule", "action", "new", "notified", "approved", "due", "would approve", "would write",
				"waiting for caps", "skipped");
		rows(candidates).forEach((rule, ofRule) -> ofRule.forEach((action, group) -> out.printf(FORMAT, rule, action,
				count(group, CandidateState.NEW), count(group, CandidateState.NOTIFIED), count(group, CandidateState.APPROVED),
				outlook.count(outlook.due, group), outlook.count(outlook.approving, group),
				outlook.count(outlook.writing, group), outlook.count(outlook.waiting, group),
				count(group, CandidateState.SKIPPED))));
		settings.rules().forEach((rule) -> rule.downgrades().forEach((downgrade) -> out.printf(
				"Rule %s downgrades: holders of %s get profile '%s' (%s) in Salesforce.%n", rule.name(), downgrade.from(),
				downgrade.targetProfile(), downgrade.to())));
		printSkipped(candidates, out);
		return ExitCode.OK.code();
	}

	/** The run's two decisions replayed on the stored candidates: approvals within the caps, then writes within them. */
	private static Outlook outlook(ReclamationSettings settings, List<Candidate> candidates, ReclaimCaps.Allowance caps,
			Instant now) {
		if (settings.mode() == Mode.DETECT) {
			return new Outlook(Set.of(), Set.of(), Set.of(), Set.of());
		}
		AutoApproval autoApproval = new AutoApproval(settings.rules());
		List<Candidate> due = candidates.stream().filter(c -> autoApproval.isDue(c, now)).toList();
		List<Candidate> approving = autoApproval.approvable(due, now, caps.approvals());
		List<Candidate> queue = new ArrayList<>(candidates.stream()
			.filter(c -> c.state() == CandidateState.APPROVED)
			.sorted(Comparator.comparing(Candidate::stateChangedAt).thenComparingLong(Candidate::id))
			.toList());
		queue.addAll(approving);
		List<Candidate> writing = queue.subList(0, Math.min(caps.writes(), queue.size()));
		Set<Long> waiting = new HashSet<>(ids(queue.subList(writing.size(), queue.size())));
		due.stream().filter(c -> !approving.contains(c)).forEach(c -> waiting.add(c.id()));
		return new Outlook(ids(due), ids(approving), ids(writing), waiting);
	}

	private record Outlook(Set<Long> due, Set<Long> approving, Set<Long> writing, Set<Long> waiting) {

		long count(Set<Long> ids, List<Candidate> group) {
			return group.stream().filter(c -> ids.contains(c.id())).count();
		}

	}

	private static Set<Long> ids(List<Candidate> candidates) {
		return candidates.stream().map(Candidate::id).collect(Collectors.toSet());
	}

	private static Map<String, Map<String, List<Candidate>>> rows(List<Candidate> candidates) {
		return candidates.stream()
			.collect(Collectors.groupingBy(c -> c.key().rule(), TreeMap::new,
					Collectors.groupingBy(c -> c.action().name(), TreeMap::new, Collectors.toList())));
	}

	/** Skipped candidates by reason, times left out so that one line covers e.g. every new user in their grace. */
	private static void printSkipped(List<Candidate> candidates, PrintWriter out) {
		Map<String, Long> reasons = candidates.stream()
			.filter(c -> c.state() == CandidateState.SKIPPED)
			.collect(Collectors.groupingBy(c -> c.key().rule() + ": " + generalized(c.reason()), TreeMap::new,
					Collectors.counting()));
		if (reasons.isEmpty()) {
			return;
		}
		out.println("Protected or excluded (never reclaimed while the reason holds):");
		reasons.forEach((reason, count) -> out.printf("  %5d  %s%n", count, reason));
	}

	private static String generalized(@Nullable String reason) {
		return (reason != null) ? reason.replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "<time>") : "no reason recorded";
	}

	private static long count(List<Candidate> group, CandidateState state) {
		return group.stream().filter(c -> c.state() == state).count();
	}

	private static String mode(Mode mode) {
		return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static String modeNote(Mode mode) {
		return switch (mode) {
			case DETECT -> "Detect mode: the next run records candidates only; nothing is approved or written to Salesforce.";
			case DRY_RUN -> "Dry-run mode: the next run approves within the caps and logs what it would write; nothing is written to Salesforce.";
			case ENFORCE -> "Enforce mode: the next run writes to Salesforce what 'would write' counts.";
		};
	}

}
