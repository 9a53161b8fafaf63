package dev.seatkeeper;

import java.util.Arrays;

import dev.seatkeeper.cli.Console;
import dev.seatkeeper.k8s.KubernetesCommand;
import dev.seatkeeper.sandbox.SandboxCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * One executable jar, several subcommands. {@code --help}, {@code --version} and usage errors are answered before
 * anything starts ({@link Console}). Every other subcommand but {@code sandbox} and {@code k8s} runs inside the Spring
 * context (database, Flyway, Salesforce client); the sandbox is a stand-alone simulated org and {@code k8s} renders
 * manifests from the profile files, and they need none of that.
 * The exit code of a Spring subcommand always comes from {@link SpringApplication#exit}, so a failed job never
 * exits 0; {@code sandbox} runs on its own picocli command line with the same exit codes.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SeatkeeperApplication {

	public static void main(String[] args) {
		System.exit(Console.launch(args, () -> Start.command(args)));
	}

	/**
	 * Starts a command that help and version never reach. A class of its own because the JVM verifies a class whole
	 * when it first runs it: in {@code main} these calls would load Spring's context interfaces even for {@code --help}.
	 */
	private static final class Start {

		static int command(String[] args) {
			if (args.length > 0 && SandboxCommand.NAME.equals(args[0])) {
				return SandboxCommand.commandLine().execute(Arrays.copyOfRange(args, 1, args.length));
			}
			if (args.length > 0 && KubernetesCommand.NAME.equals(args[0])) {
				return KubernetesCommand.commandLine().execute(Arrays.copyOfRange(args, 1, args.length));
			}
			return SpringApplication.exit(SpringApplication.run(SeatkeeperApplication.class, args));
		}

	}

}
