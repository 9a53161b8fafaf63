package dev.seatkeeper.storage;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;

/**
 * A schema migration written in Java where SQL alone cannot say it (it depends on the database product, or on what an
 * earlier version left behind). Flyway applies it in version order with the SQL ones; it has no checksum, so editing
 * one after it shipped goes unnoticed: never do that, add a new version instead. Stateless, so thread-safe.
 */
public abstract class CodedMigration implements JavaMigration {

	private final MigrationVersion version;

	private final String description;

	private final boolean inTransaction;

	/**
	 * @param inTransaction whether Flyway may run it inside its transaction (not when it runs DDL through another
	 * connection, or needs its statements committed one by one)
	 */
	protected CodedMigration(String version, String description, boolean inTransaction) {
		this.version = MigrationVersion.fromVersion(version);
		this.description = description;
		this.inTransaction = inTransaction;
	}

	@Override
	public final MigrationVersion getVersion() {
		return this.version;
	}

	@Override
	public final String getDescription() {
		return this.description;
	}

	@Override
	public final @Nullable Integer getChecksum() {
		return null;
	}

	@Override
	public final boolean canExecuteInTransaction() {
		return this.inTransaction;
	}

}
