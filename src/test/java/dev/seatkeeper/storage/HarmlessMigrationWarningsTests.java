package dev.seatkeeper.storage;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;

class HarmlessMigrationWarningsTests {

	private final LoggerContext context = new LoggerContext();

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	HarmlessMigrationWarningsTests() {
		HarmlessMigrationWarnings filter = new HarmlessMigrationWarnings();
		filter.start();
		this.context.addTurboFilter(filter);
		this.logged.start();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.logged);
	}

	@Test
	void mysqlsIgnoredPrimaryKeyNamesAndTheNewerH2AreDropped() {
		warn("org.flywaydb.core.internal.sqlscript.DefaultSqlScriptExecutor",
				"DB: Name 'pk_sf_user' ignored for PRIMARY key. (SQL State: 42000 - Error Code: 1280)");
		warn("org.flywaydb.core.internal.database.base.Database", "Using H2 2.4.240 which is newer than the version "
				+ "Flyway has been verified with. The latest verified version of H2 is 2.3.232.");

		assertThat(this.logged.list).isEmpty();
	}

	@Test
	void everyOtherWarningOfThoseLoggersStillShows() {
		warn("org.flywaydb.core.internal.sqlscript.DefaultSqlScriptExecutor",
				"DB: Data truncated for column 'name' at row 1 (SQL State: 01000 - Error Code: 1265)");
		warn("org.flywaydb.core.internal.database.base.Database",
				"Flyway upgrade recommended: MariaDB 12.1 is newer than this version of Flyway and support has not been tested.");
		warn("dev.seatkeeper.launch.RunLock", "DB: Name 'pk_sf_user' ignored for PRIMARY key. (SQL State: 42000 - Error Code: 1280)");
		this.context.getLogger("org.flywaydb.core.internal.sqlscript.DefaultSqlScriptExecutor")
			.error("DB: Name 'pk_sf_user' ignored for PRIMARY key. (SQL State: 42000 - Error Code: 1280)");

		assertThat(this.logged.list).hasSize(4);
	}

	private void warn(String logger, String message) {
		this.context.getLogger(logger).warn(message);
	}

}
