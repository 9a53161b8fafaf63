package dev.seatkeeper.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code seatkeeper k8s}: Kubernetes manifests from the profiles. Needs no database, so, like the sandbox,
 * {@link SpringlessCommands} runs it without starting Spring.
 */
@Command(name = KubernetesCommand.NAME, mixinStandardHelpOptions = true,
		description = "Kubernetes manifests generated from the published profiles.",
		subcommands = { RenderCommand.class })
public class KubernetesCommand {

	public static final String NAME = "k8s";

	/** The k8s command line with the project's exit codes. */
	public static CommandLine commandLine() {
		return SeatkeeperCommandLine.withExitCodes(new CommandLine(new KubernetesCommand()));
	}

}
