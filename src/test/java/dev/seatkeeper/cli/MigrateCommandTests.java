package dev.seatkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatkeeper.job.ExitCode;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import picocli.CommandLine;

class MigrateCommandTests {

	/** Start-up does not migrate here, as when Flyway's initializer is replaced: the command alone must do it. */
	@Nested
	@SpringBootTest
	@ActiveProfiles("test")
	@ExtendWith(OutputCaptureExtension.class)
	class OnAnEmptyDatabase {

		@Autowired
		CommandLine.IFactory factory;

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		Flyway flyway;

		@Test
		void appliesEveryMigrationOnceAndPrintsTheSchemaVersion(CapturedOutput output) {
			assertThat(this.flyway.info().applied()).isEmpty();
			int pending = this.flyway.info().pending().length;

			int exit = SeatkeeperCommandLine.create(this.factory).execute("migrate");

			assertThat(exit).isEqualTo(ExitCode.OK.code());
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class)).isZero();
			String latest = this.flyway.info().current().getVersion().getVersion();
			assertThat(output).contains("schema version " + latest + ", " + pending + " migrations applied now, 0 pending");

			assertThat(SeatkeeperCommandLine.create(this.factory).execute("migrate")).isEqualTo(ExitCode.OK.code());
			assertThat(output).contains("schema version " + latest + ", 0 migrations applied now, 0 pending");
		}

		@TestConfiguration
		static class SkipStartUpMigration {

			@Bean
			FlywayMigrationStrategy skipStartUpMigration() {
				return (flyway) -> {
				};
			}

		}

	}

	@Nested
	@SpringBootTest(properties = "spring.flyway.enabled=false")
	@ActiveProfiles("test")
	@ExtendWith(OutputCaptureExtension.class)
	class WithFlywaySwitchedOff {

		@Autowired
		CommandLine.IFactory factory;

		@Test
		void isAnInvalidConfiguration(CapturedOutput output) {
			int exit = SeatkeeperCommandLine.create(this.factory).execute("migrate");
			assertThat(exit).isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
			assertThat(output).contains("spring.flyway.enabled=false");
		}

	}

}
