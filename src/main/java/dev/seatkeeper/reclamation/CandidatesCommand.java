package dev.seatkeeper.reclamation;

import picocli.CommandLine.Command;

/** {@code candidates list|approve|reject}: what reclamation found, and the operator's decisions on it. */
@Command(name = "candidates", description = "List reclamation candidates, approve or reject them.",
		mixinStandardHelpOptions = true,
		subcommands = { ListCandidatesCommand.class, ApproveCandidatesCommand.class, RejectCandidatesCommand.class })
public class CandidatesCommand {

}
