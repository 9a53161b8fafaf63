package dev.seatkeeper.storage;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the application treats the schema when it starts ({@code seatkeeper.database.*}).
 *
 * @param schemaOnStart {@code migrate} (the default: apply pending Flyway migrations, for the embedded database and a
 * single operator) or {@code validate} (only check that the schema matches this release, so the database user needs
 * no DDL right; the nightly Kubernetes pods use it, the migration Job migrates)
 */
@ConfigurationProperties("seatkeeper.database")
public record DatabaseProperties(@Nullable SchemaOnStart schemaOnStart) {

	public enum SchemaOnStart {

		MIGRATE, VALIDATE

	}

	public DatabaseProperties {
		schemaOnStart = (schemaOnStart != null) ? schemaOnStart : SchemaOnStart.MIGRATE;
	}

}
