package dev.seatkeeper.launch;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A per-profile lock in the database with a heartbeat, so that two launches of the same profile never run at once
 * (on one machine or across pods), and a run left behind by a killed process is recognised as dead: its heartbeat
 * stops, or its owner process on this host no longer exists.
 *
 * <p>Thread-safe. The heartbeat runs on a daemon thread while the lock is held.
 */
public class RunLock {

	private static final Logger logger = LoggerFactory.getLogger(RunLock.class);

	private final JdbcClient jdbc;

	private final Duration heartbeatTimeout;

	private final Duration wait;

	private final String owner = ownerName();

	public RunLock(JdbcClient jdbc, Duration heartbeatTimeout, Duration wait) {
		this.jdbc = jdbc;
		this.heartbeatTimeout = heartbeatTimeout;
		this.wait = wait;
	}

	/** The held lock, or empty when a live run of this profile still holds it after the configured wait. */
	public Optional<Held> acquire(String profile, LocalDate runDate) {
		long deadline = System.nanoTime() + this.wait.toNanos();
		while (true) {
			if (tryInsert(profile, runDate) || takeOverDeadHolder(profile, runDate)) {
				return Optional.of(new Held(profile));
			}
			if (System.nanoTime() >= deadline) {
				return Optional.empty();
			}
			logger.info("Profile {}: run lock held by {}; waiting", profile, holder(profile).orElse("another process"));
			try {
				Thread.sleep(Math.max(100, Math.min(5000, this.heartbeatTimeout.toMillis() / 4)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
		}
	}

	/** Who holds the lock of a profile, for the "already running" message. */
	public Optional<String> holder(String profile) {
		return this.jdbc.sql("SELECT owner FROM run_lock WHERE profile = ?").param(profile).query(String.class).optional();
	}

	private boolean tryInsert(String profile, LocalDate runDate) {
		try {
			return this.jdbc.sql("""
					INSERT INTO run_lock (profile, owner, run_date, acquired_at, heartbeat_at)
					VALUES (?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
				.params(profile, this.owner, runDate)
				.update() == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private boolean takeOverDeadHolder(String profile, LocalDate runDate) {
		Optional<String> holder = holder(profile);
		if (holder.isEmpty()) {
			return tryInsert(profile, runDate);
		}
		boolean ownerGone = isLocalProcessGone(holder.get());
		int taken = this.jdbc.sql("""
				UPDATE run_lock SET owner = ?, run_date = ?, acquired_at = CURRENT_TIMESTAMP, heartbeat_at = CURRENT_TIMESTAMP
				WHERE profile = ? AND owner = ?
				  AND (? OR heartbeat_at < TIMESTAMPADD(SECOND, ?, CURRENT_TIMESTAMP))""")
			.params(this.owner, runDate, profile, holder.get(), ownerGone, -this.heartbeatTimeout.toSeconds())
			.update();
		if (taken == 1) {
			logger.warn("Profile {}: took over the run lock of {}, which is no longer alive", profile, holder.get());
		}
		return taken == 1;
	}

	/** An owner on this host whose process has exited is dead now, without waiting for its heartbeat to age. */
	static boolean isLocalProcessGone(String owner) {
		int separator = owner.lastIndexOf(':');
		if (separator < 0 || !owner.substring(0, separator).equals(hostName())) {
			return false;
		}
		try {
			long pid = Long.parseLong(owner.substring(separator + 1));
			return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static String ownerName() {
		return hostName() + ":" + ManagementFactory.getRuntimeMXBean().getPid();
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

	/** A held lock; closing it stops the heartbeat and releases the lock. */
	public final class Held implements AutoCloseable {

		private final String profile;

		private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "run-lock-heartbeat");
			thread.setDaemon(true);
			return thread;
		});

		Held(String profile) {
			this.profile = profile;
			long period = Math.max(1, RunLock.this.heartbeatTimeout.toMillis() / 4);
			this.heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
		}

		private void beat() {
			try {
				RunLock.this.jdbc.sql("UPDATE run_lock SET heartbeat_at = CURRENT_TIMESTAMP WHERE profile = ? AND owner = ?")
					.params(this.profile, RunLock.this.owner)
					.update();
			}
			catch (RuntimeException ex) {
				logger.warn("Profile {}: run lock heartbeat failed: {}", this.profile, ex.getMessage());
			}
		}

		@Override
		public void close() {
			this.heartbeat.shutdownNow();
			RunLock.this.jdbc.sql("DELETE FROM run_lock WHERE profile = ? AND owner = ?")
				.params(this.profile, RunLock.this.owner)
				.update();
		}

	}

}
