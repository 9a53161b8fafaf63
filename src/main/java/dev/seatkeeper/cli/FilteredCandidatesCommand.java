package dev.seatkeeper.cli;

import dev.seatkeeper.reclamation.candidate.CandidateFilter;
import dev.seatkeeper.reclamation.candidate.CandidateState;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The filter options the candidate commands share: by profile, state and rule. Plain inherited options rather than a
 * mixin, so picocli can describe the commands before Spring has built them.
 */
abstract class FilteredCandidatesCommand extends ConsoleCommand {

	@Option(names = "--profile", description = "Only candidates of this profile.")
	@Nullable String profile;

	@Option(names = "--state", description = "Only candidates in this state: ${COMPLETION-CANDIDATES}.")
	@Nullable CandidateState state;

	@Option(names = "--rule", description = "Only candidates of this rule.")
	@Nullable String rule;

	CandidateFilter filter() {
		return new CandidateFilter(this.profile, this.state, this.rule);
	}

}
