package dev.seatkeeper.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

class TestDatabaseTests {

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void freshDatabasesAreMigratedAndSeparate(TestDatabase database) {
		DataSource first = database.fresh();
		DataSource second = database.fresh();
		JdbcTemplate firstJdbc = new JdbcTemplate(first);
		firstJdbc.execute("CREATE TABLE probe (id INT PRIMARY KEY)");
		firstJdbc.update("INSERT INTO probe VALUES (1)");
		assertThat(firstJdbc.queryForObject("SELECT COUNT(*) FROM probe", Integer.class)).isEqualTo(1);
		assertThatExceptionOfType(BadSqlGrammarException.class)
			.as("the second database does not see the first one's table")
			.isThrownBy(() -> new JdbcTemplate(second).queryForObject("SELECT COUNT(*) FROM probe", Integer.class));
	}

}
