package dev.seatkeeper.cli;

import dev.seatkeeper.job.ExitCode;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;

/**
 * {@code migrate}: brings the database schema up to date and prints its version. Kubernetes runs it once as a Job
 * before the nightly pods, which start with Flyway switched off so parallel pods never race on migrations. Boot has
 * usually migrated already while starting; the command then applies nothing and confirms nothing is pending.
 */
@Command(name = "migrate", description = "Apply pending database migrations (Flyway) and print the schema version.")
class MigrateCommand extends ConsoleCommand {

	private final ObjectProvider<Flyway> flyway;

	MigrateCommand(ObjectProvider<Flyway> flyway) {
		this.flyway = flyway;
	}

	@Override
	public Integer call() {
		Flyway flyway = this.flyway.getIfAvailable();
		if (flyway == null) {
			err().println("Flyway is switched off (spring.flyway.enabled=false); run migrate with it on.");
			return ExitCode.INVALID_CONFIGURATION.code();
		}
		MigrateResult result = flyway.migrate();
		MigrationInfo current = flyway.info().current();
		out().printf("schema version %s, %d migrations applied now, %d pending%n",
				(current != null) ? current.getVersion() : "none", result.migrationsExecuted, flyway.info().pending().length);
		return ExitCode.OK.code();
	}

}
