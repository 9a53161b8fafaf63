package dev.seatkeeper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import picocli.CommandLine;

/**
 * One executable jar, several subcommands. Every subcommand but {@code sandbox} runs inside the Spring context
 * (database, Flyway, Salesforce client); the sandbox is a stand-alone simulated org and needs none of that.
 * The exit code always comes from {@link SpringApplication#exit}, so a failed job never exits 0.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SeatkeeperApplication {

	public static void main(String[] args) {
		System.exit(SpringApplication.exit(SpringApplication.run(SeatkeeperApplication.class, args)));
	}

}
