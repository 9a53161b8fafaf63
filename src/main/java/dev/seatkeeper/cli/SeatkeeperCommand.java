package dev.seatkeeper.cli;

import dev.seatkeeper.profile.ProfilesCommand;
import picocli.CommandLine.Command;

/** The root of the command line; each subcommand lives in the package of its feature. */
@Command(name = "seatkeeper", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "SaaS license management for Salesforce orgs.",
		subcommands = { ProfilesCommand.class, MigrateCommand.class })
public class SeatkeeperCommand {

}
