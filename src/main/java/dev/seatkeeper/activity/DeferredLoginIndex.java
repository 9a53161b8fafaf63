package dev.seatkeeper.activity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import dev.seatkeeper.storage.DatabaseProduct;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * On MySQL and MariaDB, a backfill into an empty login table loads it without its user index and builds the index
 * once at the end, by sorting: rows arrive in time order, the index is in user order, and on a server whose buffer
 * pool cannot hold the index (128 MB, as installed) inserting into it row by row is random I/O that made the first
 * night's pullActivity several times slower than the rows themselves.
 *
 * <p>Listens to the {@code pullActivity} step: before it, the index is dropped when the whole table is empty (no
 * other profile's logins either); after it completes, a missing index is built. A run killed or stopped in between
 * leaves the index missing, and the run that completes pullActivity next (this profile's relaunch or another's)
 * builds it. Needs the INDEX privilege on {@code login_event}; without it, or while another session holds the table,
 * the index stays and rows go in as before. On H2 nothing changes. Thread-safe: it holds no state.
 */
public class DeferredLoginIndex implements StepExecutionListener {

	static final String INDEX = "ix_login_event_user_status_time";

	static final String CREATE = "CREATE INDEX " + INDEX + " ON login_event (profile, user_id, status, login_time)";

	private static final Logger logger = LoggerFactory.getLogger(DeferredLoginIndex.class);

	/** Seconds a DDL statement waits for another session's lock on the table before giving up. */
	private static final int LOCK_WAIT_SECONDS = 10;

	private final DataSource dataSource;

	public DeferredLoginIndex(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!DatabaseProduct.isMySqlFamily(connection) || !isEmpty(connection) || !exists(connection)) {
				return;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET SESSION lock_wait_timeout = " + LOCK_WAIT_SECONDS);
				statement.execute("DROP INDEX " + INDEX + " ON login_event");
				logger.info("login_event is empty: the backfill loads it without its user index, built once at the end");
			}
			catch (SQLException ex) {
				logger.info("login_event keeps its user index during the backfill ({}); granting INDEX on login_event to "
						+ "the runtime database user makes a first night faster", ex.getMessage());
			}
		}
		catch (SQLException ex) {
			logger.warn("Could not check login_event's user index before the backfill: {}", ex.getMessage());
		}
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
			return null;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			if (!DatabaseProduct.isMySqlFamily(connection) || exists(connection)) {
				return null;
			}
			long started = System.nanoTime();
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET SESSION lock_wait_timeout = " + LOCK_WAIT_SECONDS);
				statement.execute(CREATE);
				logger.info("Built login_event's user index after the backfill in {} s",
						String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
			}
			catch (SQLException ex) {
				if (!exists(connection)) {
					logger.warn("login_event's user index is missing and could not be built ({}): activity queries are "
							+ "slow until a later night builds it, or run as the migration user: {}", ex.getMessage(),
							CREATE);
				}
			}
		}
		catch (SQLException ex) {
			logger.warn("Could not check login_event's user index after the backfill: {}", ex.getMessage());
		}
		return null;
	}

	static boolean exists(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT COUNT(*) FROM information_schema.statistics
				WHERE table_schema = DATABASE() AND table_name = 'login_event' AND index_name = ?""")) {
			statement.setString(1, INDEX);
			try (ResultSet row = statement.executeQuery()) {
				return row.next() && row.getInt(1) > 0;
			}
		}
	}

	private static boolean isEmpty(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT 1 FROM login_event LIMIT 1")) {
			return !row.next();
		}
	}

}
