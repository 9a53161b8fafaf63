package dev.seatkeeper.cli;

import java.util.List;

import picocli.CommandLine.Command;

/**
 * The root of the command line; each subcommand lives in the package of its feature. The subcommands are listed
 * here rather than in the annotation, where picocli would model every one of them by reflection on each start:
 * {@link SeatkeeperCommandLine} adds them, all for a command that runs, and for help and version only those the
 * arguments name.
 */
@Command(name = "seatkeeper", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "SaaS license management for Salesforce orgs.")
public class SeatkeeperCommand {

	/** In the order help lists them. */
	static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, StatusCommand.class, ProfilesCommand.class,
			AuthCommand.class, MigrateCommand.class, CandidatesCommand.class, ReportCommand.class, SandboxCommand.class,
			KubernetesCommand.class);

}
