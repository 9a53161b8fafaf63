package dev.seatkeeper.job;

import java.net.URI;
import java.sql.SQLException;
import java.util.Locale;

import dev.seatkeeper.profile.InvalidProfilesException;
import dev.seatkeeper.salesforce.NetworkFailure;
import dev.seatkeeper.salesforce.SalesforceApiException;
import dev.seatkeeper.salesforce.SalesforceAuthenticationException;
import dev.seatkeeper.salesforce.auth.TokenKeyException;
import dev.seatkeeper.storage.SchemaMismatchException;
import org.jspecify.annotations.Nullable;

/**
 * A failure as an operator reads it: one or two sentences (what failed, the likely cause, what to do) and the exit code
 * that says whether a retry can help — {@link ExitCode#INVALID_CONFIGURATION} for configuration and credentials that
 * only a person can fix (token key, refused client or grant, unknown database, access denied),
 * {@link ExitCode#FAILED} for what may pass by itself (network, 5xx, timeouts). The stack trace is for
 * {@code --verbose} and the JSON logs only.
 */
public record Failure(ExitCode exitCode, String message) {

	/** MySQL and MariaDB: the user or password is wrong, or the user may not use that database. */
	private static final int ACCESS_DENIED = 1045;

	private static final int DATABASE_ACCESS_DENIED = 1044;

	private static final int UNKNOWN_DATABASE = 1049;

	/** H2: another process holds the database file (not in AUTO_SERVER mode). */
	private static final int H2_FILE_LOCKED = 90020;

	/** What went wrong, looking through the causes for the one an operator can act on. */
	public static Failure of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			Failure known = known(cause);
			if (known != null) {
				return known;
			}
		}
		String network = NetworkFailure.cause(failure);
		if (network != null) {
			return transientFailure(sentence(innermostMessage(failure)) + " Cause: " + network + "; a retry may pass.");
		}
		return transientFailure(sentence(innermostMessage(failure)) + " Rerun with --verbose for the stack trace.");
	}

	/** Whether a failure (of a job, with its causes) needs a person to change configuration before a retry helps. */
	public static boolean needsConfiguration(Throwable failure) {
		return of(failure).exitCode() == ExitCode.INVALID_CONFIGURATION;
	}

	private static @Nullable Failure known(Throwable cause) {
		if (cause instanceof InvalidProfilesException || cause instanceof TokenKeyException
				|| cause instanceof OrgSetupException || cause instanceof SchemaMismatchException) {
			return configuration(cause.getMessage());
		}
		if (cause instanceof SalesforceAuthenticationException refused) {
			return configuration(sentence(refused.getMessage()) + " Fix the profile's client id, secret or key (or run"
					+ " 'auth login' again for a refresh-token profile); retrying will not help.");
		}
		if (cause instanceof SalesforceApiException api) {
			// Not retryable but no configuration either (an INVALID_FIELD, say): the job failed, exit 1.
			return transientFailure(sentence(api.getMessage()) + (api.isRetryable() ? " A later retry may pass." : ""));
		}
		if (cause instanceof SQLException sql) {
			return database(sql);
		}
		return null;
	}

	private static @Nullable Failure database(SQLException sql) {
		String where = DatabaseTarget.current();
		int code = sql.getErrorCode();
		String state = String.valueOf(sql.getSQLState());
		if (code == UNKNOWN_DATABASE) {
			return configuration("The database server " + where + " has no such database (" + sql.getMessage()
					+ "): create it, or fix SPRING_DATASOURCE_URL.");
		}
		if (code == ACCESS_DENIED || code == DATABASE_ACCESS_DENIED || state.startsWith("28")) {
			return configuration("The database " + where + " refused the user (" + firstLine(sql.getMessage())
					+ "): check SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, and the user's grants.");
		}
		if (code == H2_FILE_LOCKED) {
			return new Failure(ExitCode.ALREADY_RUNNING, "The H2 database " + where + " is open in another process that"
					+ " does not share it; wait for it to end, then retry.");
		}
		String network = NetworkFailure.cause(sql);
		if (network != null || state.startsWith("08")) {
			return transientFailure("Cannot connect to the database " + where + ": "
					+ ((network != null) ? network : firstLine(sql.getMessage()))
					+ ". Check that it runs and that SPRING_DATASOURCE_URL names it; a retry may pass.");
		}
		return null;
	}

	private static Failure configuration(@Nullable String message) {
		return new Failure(ExitCode.INVALID_CONFIGURATION, String.valueOf(message));
	}

	private static Failure transientFailure(String message) {
		return new Failure(ExitCode.FAILED, message);
	}

	private static String innermostMessage(Throwable failure) {
		String message = failure.toString();
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank() && !"null".equals(cause.getMessage())) {
				message = cause.getMessage();
			}
		}
		return firstLine(message);
	}

	/** The text ending with one full stop, so another sentence can follow. */
	private static String sentence(String text) {
		String trimmed = text.strip();
		return trimmed.endsWith(".") ? trimmed : trimmed + ".";
	}

	private static String firstLine(@Nullable String text) {
		String value = String.valueOf(text).strip();
		int newline = value.indexOf('\n');
		return (newline < 0) ? value : value.substring(0, newline).strip();
	}

	/** Where the database is, named without credentials, from the same settings Spring reads. */
	static final class DatabaseTarget {

		private DatabaseTarget() {
		}

		static String current() {
			String url = System.getProperty("spring.datasource.url", System.getenv("SPRING_DATASOURCE_URL"));
			return (url != null) ? describe(url) : "(embedded H2 under " + home() + ")";
		}

		static String describe(String jdbcUrl) {
			if (jdbcUrl.startsWith("jdbc:h2:")) {
				int options = jdbcUrl.indexOf(';');
				return "(H2 " + jdbcUrl.substring("jdbc:h2:".length(), (options < 0) ? jdbcUrl.length() : options) + ")";
			}
			try {
				URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
				String database = (uri.getPath() != null) ? uri.getPath().replaceFirst("^/", "") : "";
				return "at " + uri.getHost() + ((uri.getPort() > 0) ? ":" + uri.getPort() : "")
						+ (database.isEmpty() ? "" : " (database '" + database + "')");
			}
			catch (IllegalArgumentException ex) {
				return "(" + jdbcUrl.toLowerCase(Locale.ROOT).replaceAll("password=[^&;]*", "password=***") + ")";
			}
		}

		private static String home() {
			String home = System.getenv("SEATKEEPER_HOME");
			return (home != null) ? home : System.getProperty("user.home") + "/.seatkeeper";
		}

	}

}
