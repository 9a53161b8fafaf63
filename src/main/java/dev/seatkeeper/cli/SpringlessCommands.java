package dev.seatkeeper.cli;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The commands that run without Spring: {@code sandbox} (a stand-alone simulated org) and {@code k8s} (manifests from
 * the profile files) need no database, Flyway or Salesforce client.
 */
public final class SpringlessCommands {

	private SpringlessCommands() {
	}

	/** Runs the command the arguments name if it needs no Spring, and gives its exit code; null for every other. */
	public static @Nullable Integer run(String[] args) {
		if (args.length == 0) {
			return null;
		}
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		if (SandboxCommand.NAME.equals(args[0])) {
			return SandboxCommand.commandLine().execute(rest);
		}
		if (KubernetesCommand.NAME.equals(args[0])) {
			return KubernetesCommand.commandLine().execute(rest);
		}
		return null;
	}

}
