package dev.seatkeeper.storage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code seatkeeper.database.schema-on-start=validate}, start-up checks the schema instead of migrating it, so the
 * runtime database user needs only SELECT, INSERT, UPDATE and DELETE. Without it Boot's default migrates (the
 * strategy bean is then absent, which also leaves tests free to declare their own).
 */
@Configuration(proxyBeanMethods = false)
class SchemaOnStartConfiguration {

	@Bean
	@ConditionalOnProperty(name = "seatkeeper.database.schema-on-start", havingValue = "validate")
	FlywayMigrationStrategy validateSchemaOnly() {
		return SchemaValidation::requireCurrent;
	}

}
