package dev.seatkeeper.it;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import dev.seatkeeper.SeatkeeperApplication;
import dev.seatkeeper.job.CatalogProfileSource;
import dev.seatkeeper.job.RunProfileSource;
import dev.seatkeeper.launch.NightlyJobRunner;
import dev.seatkeeper.launch.RunResult;
import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.Profiles;
import dev.seatkeeper.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The whole application in the test JVM, on a fresh database of the given kind and with a fixed clock, so a test
 * runs jobs exactly as the {@code run} command does and then reads what they wrote.
 */
public final class JobHarness implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final DriverManagerDataSource database;

	private final HarnessProfiles profiles;

	private JobHarness(ConfigurableApplicationContext context, DriverManagerDataSource database,
			HarnessProfiles profiles) {
		this.context = context;
		this.database = database;
		this.profiles = profiles;
	}

	public static JobHarness start(TestDatabase kind, Clock clock, Map<String, Object> properties) {
		return start((DriverManagerDataSource) kind.fresh(), clock, properties);
	}

	/** The application on a database the test made itself (a user with fewer rights, a schema with another character set). */
	public static JobHarness startOn(DriverManagerDataSource database, Clock clock, Map<String, Object> properties) {
		return start(database, clock, properties);
	}

	/** Another application on the same database (a second process, a later night). */
	public JobHarness restartOnSameDatabase(Clock clock, Map<String, Object> properties) {
		return start(this.database, clock, properties);
	}

	private static JobHarness start(DriverManagerDataSource database, Clock clock, Map<String, Object> properties) {
		Map<String, Object> all = new HashMap<>(properties);
		all.put("spring.datasource.url", database.getUrl());
		all.put("spring.datasource.username", database.getUsername());
		all.put("spring.datasource.password", database.getPassword());
		all.put("seatkeeper.cli.enabled", "false");
		// As command-line arguments: they outrank application.yaml, whose default is the H2 file database.
		String[] arguments = all.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		HarnessProfiles profiles = new HarnessProfiles();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SeatkeeperApplication.class)
			.initializers(applicationContext -> {
				applicationContext.getBeanFactory().registerSingleton("clock", clock);
				applicationContext.getBeanFactory().registerSingleton("runProfileSource", profiles);
			})
			.run(arguments);
		profiles.catalog = new CatalogProfileSource(context.getBean(Profiles.class));
		return new JobHarness(context, database, profiles);
	}

	/** Runs the profile as {@code run} does; the job finds it by name, as it would in the profiles directory. */
	public RunResult run(Profile profile, LocalDate runDate) {
		return run(profile, runDate, null);
	}

	/** Runs with the reclaim caps lifted by {@code overrideCapsBy} (null keeps them). */
	public RunResult run(Profile profile, LocalDate runDate, @Nullable String overrideCapsBy) {
		this.profiles.given.put(profile.name(), profile);
		return this.context.getBean(NightlyJobRunner.class).run(profile, runDate, overrideCapsBy);
	}

	public JdbcTemplate jdbc() {
		return new JdbcTemplate(this.context.getBean(DataSource.class));
	}

	public int count(String sql, Object... arguments) {
		Integer count = jdbc().queryForObject(sql, Integer.class, arguments);
		return (count != null) ? count : 0;
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * The profiles a test built in memory stand in for the profiles directory; a profile it never ran (a restart
	 * through {@code JobOperator} in a new application) is read from the configured catalog, as without the harness.
	 */
	private static final class HarnessProfiles implements RunProfileSource {

		private final Map<String, Profile> given = new ConcurrentHashMap<>();

		private volatile @Nullable RunProfileSource catalog;

		@Override
		public Profile profile(String name, @Nullable Path directory) {
			Profile profile = this.given.get(name);
			if (profile != null) {
				return profile;
			}
			return Objects.requireNonNull(this.catalog, "application not started").profile(name, directory);
		}

	}

}
