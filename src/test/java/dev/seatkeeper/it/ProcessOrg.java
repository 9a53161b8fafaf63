package dev.seatkeeper.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * For tests that run the packaged job as its own process: a published profile reaching the sandbox, a fresh database
 * both the test and the job processes open, and a way to launch the job on them. Closing shuts an H2 file database
 * down, so its writer no longer touches the test's directory when JUnit deletes it.
 */
record ProcessOrg(String profile, Path profiles, DriverManagerDataSource database, Sandbox sandbox, Path work,
		LocalDate runDate) implements AutoCloseable {

	static ProcessOrg create(TestDatabase kind, Path work, String profile, Sandbox sandbox, String moreYaml,
			LocalDate runDate) throws IOException {
		return new ProcessOrg(profile, JobProcess.writeProfile(work, profile, sandbox, 2, moreYaml),
				kind.freshShared(work), sandbox, work, runDate);
	}

	JobProcess launch() throws IOException {
		return JobProcess.run(this.profiles, this.profile, this.runDate, this.database, this.sandbox, this.work);
	}

	JdbcTemplate jdbc() {
		return new JdbcTemplate(this.database);
	}

	int count(String sql) {
		Integer count = jdbc().queryForObject(sql, Integer.class);
		return (count != null) ? count : 0;
	}

	@Override
	public void close() {
		TestDatabase.closeShared(this.database);
	}

}
