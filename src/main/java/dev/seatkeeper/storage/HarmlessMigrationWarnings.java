package dev.seatkeeper.storage;

import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops two Flyway warnings that every operator would see and none can act on, and nothing else those loggers say:
 * <ul>
 * <li>MySQL and MariaDB answer each {@code CONSTRAINT pk_… PRIMARY KEY} of the first migration with "Name 'pk_…'
 * ignored for PRIMARY key" (error 1280): their primary key is always named PRIMARY. The names are for H2, which keeps
 * them, and released migrations cannot change.</li>
 * <li>"Using H2 2.x which is newer than the version Flyway has been verified with", on every command with the embedded
 * database: the tests run every migration on the H2 that ships, which is the verification that matters here.</li>
 * </ul>
 * Registered in {@code logback-spring.xml} (and the tests' {@code logback-test.xml}). Stateless, thread-safe.
 */
public class HarmlessMigrationWarnings extends TurboFilter {

	private static final String SCRIPT_EXECUTOR = "org.flywaydb.core.internal.sqlscript.DefaultSqlScriptExecutor";

	private static final String DATABASE = "org.flywaydb.core.internal.database.base.Database";

	private static final Pattern IGNORED_PRIMARY_KEY_NAME = Pattern
		.compile("DB: Name '[^']*' ignored for PRIMARY key\\. \\(SQL State: 42000 - Error Code: 1280\\)");

	private static final Pattern NEWER_H2 = Pattern
		.compile("Using H2 [\\d.]+ which is newer than the version Flyway has been verified with\\..*");

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
		if (format == null || level != Level.WARN) {
			return FilterReply.NEUTRAL;
		}
		boolean harmless = switch (logger.getName()) {
			case SCRIPT_EXECUTOR -> IGNORED_PRIMARY_KEY_NAME.matcher(format).matches();
			case DATABASE -> NEWER_H2.matcher(format).matches();
			default -> false;
		};
		return harmless ? FilterReply.DENY : FilterReply.NEUTRAL;
	}

}
