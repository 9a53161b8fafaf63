package dev.seatkeeper.storage;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateResult;

/** Checks, reading only, that the database schema is the one this release's migrations make. */
final class SchemaValidation {

	private SchemaValidation() {
	}

	/** Throws a {@link SchemaMismatchException} when a migration is pending or an applied one differs from this release's. */
	static void requireCurrent(Flyway flyway) {
		for (MigrationInfo migration : flyway.info().all()) {
			if (migration.getState().isFailed()) {
				throw new SchemaMismatchException("The migration to version " + migration.getVersion() + " failed earlier and"
						+ " is recorded as failed; remove that record (DELETE FROM flyway_schema_history WHERE success = 0)"
						+ " once nothing of it is left half-applied.");
			}
		}
		MigrationInfo[] pending = flyway.info().pending();
		if (pending.length > 0) {
			MigrationInfo current = flyway.info().current();
			throw new SchemaMismatchException("The database schema is at version " + ((current != null) ? current.getVersion() : "none")
					+ " and this release needs " + pending[pending.length - 1].getVersion() + " (" + pending.length
					+ " migrations pending); start-up only validates here (seatkeeper.database.schema-on-start=validate).");
		}
		ValidateResult result = flyway.validateWithResult();
		if (!result.validationSuccessful) {
			String problems = result.invalidMigrations.stream()
				.map((invalid) -> invalid.version + ": " + invalid.errorDetails.errorMessage)
				.collect(Collectors.joining("; "));
			throw new SchemaMismatchException("The database schema does not match this release's migrations ("
					+ (problems.isEmpty() ? Arrays.toString(result.warnings.toArray()) : problems) + ").");
		}
	}

}
