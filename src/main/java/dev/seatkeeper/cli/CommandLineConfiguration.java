package dev.seatkeeper.cli;

import dev.seatkeeper.launch.RunEpilogue;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import picocli.CommandLine;

/**
 * Runs the command line inside the Spring context. Subcommands are created by Spring, so they take their
 * collaborators as constructor parameters. Tests switch the runner off with {@code seatkeeper.cli.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
class CommandLineConfiguration {

	@Bean
	RunReport runReport(JobRepository jobRepository, ObjectProvider<RunEpilogue> epilogues) {
		return new RunReport(jobRepository, epilogues.orderedStream().toList());
	}

	@Bean
	CommandLine.IFactory commandFactory(AutowireCapableBeanFactory beanFactory) {
		return new SpringCommandFactory(beanFactory);
	}

	@Bean
	@ConditionalOnProperty(name = "seatkeeper.cli.enabled", havingValue = "true", matchIfMissing = true)
	CommandLineExecution commandLineExecution(CommandLine.IFactory commandFactory) {
		return new CommandLineExecution(commandFactory);
	}

	/** Keeps the subcommand's exit code for {@link org.springframework.boot.SpringApplication#exit}. */
	static final class CommandLineExecution implements ApplicationRunner, org.springframework.boot.ExitCodeGenerator {

		private final CommandLine.IFactory factory;

		private int exitCode;

		CommandLineExecution(CommandLine.IFactory factory) {
			this.factory = factory;
		}

		@Override
		public void run(org.springframework.boot.ApplicationArguments args) {
			this.exitCode = SeatkeeperCommandLine.create(this.factory).execute(args.getSourceArgs());
		}

		@Override
		public int getExitCode() {
			return this.exitCode;
		}

	}

}
