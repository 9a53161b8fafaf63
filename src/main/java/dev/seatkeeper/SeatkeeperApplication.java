package dev.seatkeeper;

import dev.seatkeeper.cli.Console;
import dev.seatkeeper.cli.SpringlessCommands;
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
			Integer springless = SpringlessCommands.run(args);
			if (springless != null) {
				return springless;
			}
			return SpringApplication.exit(SpringApplication.run(SeatkeeperApplication.class, args));
		}

	}

}
