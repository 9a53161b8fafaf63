package dev.seatkeeper.reclamation.action;

import java.time.Duration;
import java.time.Instant;

import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.reclamation.rules.HoldingReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads what counts against the caps from the audit: every candidate moved to RECLAIMING is a write sent to
 * Salesforce, whichever run, run date or operator's approval led to it. The windows end at the instant given (the
 * run's, from the same clock the run uses, so simulated nights a day apart do not block each other) and have no
 * upper bound, so a write audited after that instant still counts. Thread-safe (state lives in the database).
 */
public class CapLedger {

	static final Duration DAY = Duration.ofHours(24);

	static final Duration WEEK = Duration.ofDays(7);

	private final JdbcTemplate jdbc;

	private final HoldingReader holdings;

	public CapLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.holdings = new HoldingReader(jdbc);
	}

	public CapUsage usage(String profile, Instant at) {
		return new CapUsage(writesSince(profile, at.minus(DAY)), writesSince(profile, at.minus(WEEK)),
				count("SELECT COUNT(*) FROM reclamation_candidate WHERE profile = ? AND state = 'APPROVED'", profile));
	}

	/** The profile's caps as they stand at {@code at}. */
	public ReclaimCaps.Allowance allowance(ReclaimCaps caps, String profile, Instant at) {
		return caps.allowance(this.holdings.activeUsers(profile), usage(profile, at));
	}

	private int writesSince(String profile, Instant since) {
		return count("""
				SELECT COUNT(DISTINCT candidate_id) FROM reclamation_audit
				WHERE profile = ? AND to_state = 'RECLAIMING' AND occurred_at > ?""", profile, RunKey.utc(since));
	}

	private int count(String sql, Object... arguments) {
		Integer count = this.jdbc.queryForObject(sql, Integer.class, arguments);
		return (count != null) ? count : 0;
	}

}
