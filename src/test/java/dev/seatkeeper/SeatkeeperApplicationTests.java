package dev.seatkeeper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class SeatkeeperApplicationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void startUpMigratesTheEmbeddedDatabaseIncludingTheBatchTables() {
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class)).isZero();
		assertThat(this.jdbc.queryForList("SELECT version FROM flyway_schema_history ORDER BY installed_rank", String.class))
			.contains("2", "3", "4");
	}

}
