package dev.seatkeeper.testsupport;

import static dev.seatkeeper.testsupport.TableAssert.assertThatTable;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

class TableAssertTests {

	@Test
	void countsTheRowsAndNamesTableConditionAndBothCountsWhenTheyDiffer() {
		EmbeddedDatabase database = new EmbeddedDatabaseBuilder().generateUniqueName(true)
			.setType(EmbeddedDatabaseType.H2)
			.build();
		try {
			JdbcTemplate jdbc = new JdbcTemplate(database);
			jdbc.execute("CREATE TABLE t (profile VARCHAR(10))");
			jdbc.update("INSERT INTO t VALUES ('acme'), ('acme'), ('globex')");

			assertThatTable(jdbc, "t").hasRows(3).isNotEmpty();
			assertThatTable(jdbc, "t").where("profile = ?", "acme").hasRows(2);
			assertThatTable(jdbc, "t").where("profile = ?", "initech").isEmpty();
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThatTable(jdbc, "t").where("profile = ?", "acme").hasRows(5))
				.withMessage("Expected table t WHERE profile = ? to hold 5 rows but it held 2 (arguments [acme])");
		}
		finally {
			database.shutdown();
		}
	}

}
