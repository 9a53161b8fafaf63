package dev.seatkeeper.cli;

import dev.seatkeeper.job.RunCommand;
import dev.seatkeeper.job.StatusCommand;
import dev.seatkeeper.k8s.KubernetesCommand;
import dev.seatkeeper.profile.ProfilesCommand;
import dev.seatkeeper.reclamation.CandidatesCommand;
import dev.seatkeeper.reconciliation.ReportCommand;
import dev.seatkeeper.sandbox.SandboxCommand;
import picocli.CommandLine.Command;

/** The root of the command line; each subcommand lives in the package of its feature. */
@Command(name = "seatkeeper", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "SaaS license management for Salesforce orgs.",
		subcommands = { RunCommand.class, StatusCommand.class, ProfilesCommand.class, AuthCommand.class,
				MigrateCommand.class, CandidatesCommand.class, ReportCommand.class, SandboxCommand.class,
				KubernetesCommand.class })
public class SeatkeeperCommand {

}
