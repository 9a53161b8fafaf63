package dev.seatkeeper.cli;

import picocli.CommandLine.Command;

/** {@code candidates list|preview|approve|reject}: what reclamation found, and the operator's decisions on it. */
@Command(name = "candidates", description = "List reclamation candidates, preview the next run, approve or reject them.",
		mixinStandardHelpOptions = true,
		subcommands = { ListCandidatesCommand.class, PreviewCandidatesCommand.class, ApproveCandidatesCommand.class,
				RejectCandidatesCommand.class })
public class CandidatesCommand {

}
