package dev.seatkeeper.storage;

import java.sql.SQLException;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns the two schema failures of a least-privilege set-up into a sentence and what to do, instead of a stack trace:
 * a database user without DDL rights asked to migrate, and a schema behind this release where start-up only validates.
 * Both need the migration user; retrying as the same user cannot help.
 */
class SchemaFailureAnalyzer implements FailureAnalyzer {

	/**
	 * MySQL and MariaDB error codes for a statement the user has no privilege for: 1142 table command denied, 1143
	 * column command denied, 1044 access denied to the database, 1227 needs another privilege, 1370 routine denied.
	 */
	private static final Set<Integer> PRIVILEGE_DENIED = Set.of(1142, 1143, 1044, 1227, 1370);

	static final String ACTION = "Apply the migrations with the migration user, which has DDL rights: `seatkeeper migrate` with its"
			+ " credentials (on Kubernetes, the migration Job), then start this one again (README, \"Database users\").";

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SchemaMismatchException mismatch) {
				return new FailureAnalysis(mismatch.getMessage(), ACTION, failure);
			}
			if (cause instanceof SQLException sql && PRIVILEGE_DENIED.contains(sql.getErrorCode())
					&& hasFlywayCause(failure)) {
				return new FailureAnalysis("The database user may not change the schema, so the pending migrations were not"
						+ " applied (" + sql.getMessage() + "); the runtime user has only SELECT, INSERT, UPDATE and DELETE.",
						"MySQL cannot roll DDL back, so Flyway recorded the attempt as failed: first remove that record"
								+ " (DELETE FROM flyway_schema_history WHERE success = 0). " + ACTION
								+ " Start with seatkeeper.database.schema-on-start=validate (SEATKEEPER_DATABASE_SCHEMA_ON_START)"
								+ " to only check the schema.", failure);
			}
		}
		return null;
	}

	private static boolean hasFlywayCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getName().startsWith("org.flywaydb.")) {
				return true;
			}
		}
		return false;
	}

}
