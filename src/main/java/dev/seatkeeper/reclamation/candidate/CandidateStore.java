package dev.seatkeeper.reclamation.candidate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.storage.MultiRowInsert;
import dev.seatkeeper.storage.Placeholders;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code reclamation_candidate} and {@code reclamation_audit} tables. Candidates are written by upsert on
 * (profile, user, model, rule), so writing the same candidate twice leaves one row; every state change is audited in
 * the same transaction as the change. Thread-safe (state lives in the database).
 */
public class CandidateStore {

	static final String JOB = "seatkeeper";

	private static final String UPSERT_HEAD = """
			INSERT INTO reclamation_candidate (profile, user_id, model, rule_name, action, state, reason,
			    last_activity_at, detected_at, evaluated_at, state_changed_at, evidence)""";

	private static final String AUDIT_HEAD = """
			INSERT INTO reclamation_audit (candidate_id, profile, from_state, to_state, mode, actor, occurred_at, detail)""";

	private static final String UPSERT_TAIL = """
			ON DUPLICATE KEY UPDATE action = VALUES(action), state = VALUES(state), reason = VALUES(reason),
			    last_activity_at = VALUES(last_activity_at), evaluated_at = VALUES(evaluated_at),
			    state_changed_at = VALUES(state_changed_at), evidence = COALESCE(VALUES(evidence), evidence)""";

	private final JdbcTemplate jdbc;

	private final JdbcClient client;

	public CandidateStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.client = JdbcClient.create(jdbc);
	}

	/** Every candidate of the profile by key. */
	public Map<CandidateKey, Candidate> byKey(String profile) {
		return find(new CandidateFilter(profile, null, null)).stream()
			.collect(Collectors.toMap(Candidate::key, Function.identity()));
	}

	public List<Candidate> find(CandidateFilter filter) {
		return filtered("SELECT * FROM reclamation_candidate c", filter).query((row, index) -> candidate(row)).list();
	}

	/** The candidates {@link #find} returns, each with its user's username and name as last downloaded. */
	public List<ListedCandidate> findWithUsers(CandidateFilter filter) {
		return filtered("SELECT c.*, u.username, u.full_name FROM reclamation_candidate c LEFT JOIN sf_user u"
				+ " ON u.profile = c.profile AND u.user_id = c.user_id", filter)
			.query((row, index) -> new ListedCandidate(candidate(row), row.getString("username"), row.getString("full_name")))
			.list();
	}

	/** The select restricted to the filter's set fields, each bound by name, in id order. */
	private JdbcClient.StatementSpec filtered(String select, CandidateFilter filter) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> parameters = new HashMap<>();
		if (filter.profile() != null) {
			conditions.add("c.profile = :profile");
			parameters.put("profile", filter.profile());
		}
		if (filter.state() != null) {
			conditions.add("c.state = :state");
			parameters.put("state", filter.state().name());
		}
		if (filter.rule() != null) {
			conditions.add("c.rule_name = :rule");
			parameters.put("rule", filter.rule());
		}
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		return this.client.sql(select + where + " ORDER BY c.id").params(parameters);
	}

	public @Nullable Candidate get(long id) {
		return this.jdbc.query("SELECT * FROM reclamation_candidate WHERE id = ?", (row, index) -> candidate(row), id)
			.stream()
			.findFirst()
			.orElse(null);
	}

	/** One candidate as a run evaluated it; {@code previousChange} is when its state last changed, if it exists. */
	public record Evaluation(CandidateKey key, Action action, Transition transition, @Nullable Instant lastActivity,
			@Nullable Instant previousChange, @Nullable String evidence) {

		public Evaluation(CandidateKey key, Action action, Transition transition, @Nullable Instant lastActivity,
				@Nullable Instant previousChange) {
			this(key, action, transition, lastActivity, previousChange, null);
		}

	}

	/** Evidence fits its column: a rule over many objects makes a long sentence. */
	private static @Nullable String evidence(@Nullable String evidence) {
		return (evidence != null && evidence.length() > 1000) ? evidence.substring(0, 997) + "..." : evidence;
	}

	/**
	 * Writes candidates as a run evaluated them, in a few multi-row statements, and audits each change of state. A
	 * candidate whose state stays keeps its state-change time. All of one profile.
	 */
	public void recordAll(List<Evaluation> evaluations, Instant asOf, Mode mode) {
		if (evaluations.isEmpty()) {
			return;
		}
		LocalDateTime at = RunKey.utc(asOf);
		new MultiRowInsert<Evaluation>(this.jdbc, UPSERT_HEAD, UPSERT_TAIL, 12, (evaluation, row) -> {
			Transition transition = evaluation.transition();
			Instant changedAt = (transition.changesState() || evaluation.previousChange() == null) ? asOf
					: evaluation.previousChange();
			row.text(evaluation.key().profile())
				.text(evaluation.key().userId())
				.text(evaluation.key().model())
				.text(evaluation.key().rule())
				.text(evaluation.action().name())
				.text(transition.to().name())
				.text(transition.reason())
				.time(RunKey.utc(evaluation.lastActivity()))
				.time(at)
				.time(at)
				.time(RunKey.utc(changedAt))
				.text(evidence(evaluation.evidence()));
		}).execute(evaluations);
		List<Evaluation> changed = evaluations.stream().filter(e -> e.transition().changesState()).toList();
		if (changed.isEmpty()) {
			return;
		}
		Map<CandidateKey, Long> ids = idsOf(changed.get(0).key().profile(), changed);
		List<Long> reopened = changed.stream()
			.filter(e -> e.transition().reopens())
			.map(e -> ids.get(e.key()))
			.toList();
		if (!reopened.isEmpty()) {
			// Idle again after a cancel or a lifted exclusion: the wait and the notice start over.
			List<Object> args = new ArrayList<>(List.of(at));
			args.addAll(reopened);
			this.jdbc.update("UPDATE reclamation_candidate SET detected_at = ?, notified_at = NULL, notice = NULL "
					+ "WHERE id IN (" + Placeholders.of(reopened.size()) + ")", args.toArray());
		}
		new MultiRowInsert<Evaluation>(this.jdbc, AUDIT_HEAD, "", 8, (evaluation, row) -> {
			Transition transition = evaluation.transition();
			row.number(Objects.requireNonNull(ids.get(evaluation.key()), "idsOf read back every written candidate"))
				.text(evaluation.key().profile())
				.text((transition.from() != null) ? transition.from().name() : null)
				.text(transition.to().name())
				.text(mode.name())
				.text(JOB)
				.time(at)
				.text(transition.reason());
		}).execute(changed);
	}

	/**
	 * Moves a candidate by an operator's decision, only from an open state, recording who and when.
	 * @return whether the candidate was open and moved
	 */
	public boolean decide(Candidate candidate, CandidateState to, String operator, Instant at) {
		int changed = this.jdbc.update("""
				UPDATE reclamation_candidate SET state = ?, state_changed_at = ?, decided_by = ?, decided_at = ?
				WHERE id = ? AND state = ?""", to.name(), RunKey.utc(at), operator, RunKey.utc(at), candidate.id(),
				candidate.state().name());
		if (changed == 1) {
			audit(candidate.id(), candidate.key().profile(),
					new Transition(candidate.state(), to, "decided by " + operator), null, operator, at);
		}
		return changed == 1;
	}

	/**
	 * Approves a NEW or NOTIFIED candidate on the job's behalf once its wait is over; unlike an operator's decision it
	 * names no operator.
	 * @return whether the candidate was still in the state it was read in and moved
	 */
	public boolean approveAutomatically(Candidate candidate, Instant asOf, Mode mode, String why) {
		int changed = this.jdbc.update("""
				UPDATE reclamation_candidate SET state = 'APPROVED', state_changed_at = ?
				WHERE id = ? AND state = ?""", RunKey.utc(asOf), candidate.id(), candidate.state().name());
		if (changed == 1) {
			audit(candidate.id(), candidate.key().profile(),
					new Transition(candidate.state(), CandidateState.APPROVED, why), mode, JOB, asOf);
		}
		return changed == 1;
	}

	/**
	 * Records a notice to the candidate's user with the state it leads to: NEW to NOTIFIED before sending, NOTIFIED
	 * with the time once sent, back to NEW when sending failed. Audited with the notice as the detail.
	 * @return whether the candidate was in {@code from} and moved
	 */
	public boolean notice(Candidate candidate, CandidateState from, CandidateState to, @Nullable Instant notifiedAt,
			String notice, Instant at, Mode mode) {
		int changed = (from != to)
				? this.jdbc.update("""
						UPDATE reclamation_candidate SET state = ?, notified_at = ?, notice = ?, state_changed_at = ?
						WHERE id = ? AND state = ?""", to.name(), RunKey.utc(notifiedAt), notice, RunKey.utc(at),
						candidate.id(), from.name())
				: this.jdbc.update("""
						UPDATE reclamation_candidate SET notified_at = ?, notice = ? WHERE id = ? AND state = ?""",
						RunKey.utc(notifiedAt), notice, candidate.id(), from.name());
		if (changed == 1) {
			audit(candidate.id(), candidate.key().profile(), new Transition(from, to, notice), mode, JOB, at);
		}
		return changed == 1;
	}

	/**
	 * Records on a NEW candidate why no notice was sent; audited the first time, not again each night it repeats.
	 * @return whether the note was new
	 */
	public boolean noNotice(Candidate candidate, String why, Instant at, Mode mode) {
		int changed = this.jdbc.update("""
				UPDATE reclamation_candidate SET notice = ?
				WHERE id = ? AND state = 'NEW' AND (notice IS NULL OR notice <> ?)""", why, candidate.id(), why);
		if (changed == 1) {
			audit(candidate.id(), candidate.key().profile(), new Transition(CandidateState.NEW, CandidateState.NEW, why),
					mode, JOB, at);
		}
		return changed == 1;
	}

	/**
	 * Moves a candidate the reclaim step holds from one state to the next, recording why.
	 * @return whether the candidate was in {@code from} and moved
	 */
	public boolean move(Candidate candidate, CandidateState from, CandidateState to, @Nullable String reason,
			Instant at, Mode mode) {
		int changed = this.jdbc.update("""
				UPDATE reclamation_candidate SET state = ?, reason = ?, state_changed_at = ?
				WHERE id = ? AND state = ?""", to.name(), reason, RunKey.utc(at), candidate.id(), from.name());
		if (changed == 1) {
			audit(candidate.id(), candidate.key().profile(), new Transition(from, to, reason), mode, JOB, at);
		}
		return changed == 1;
	}

	/**
	 * Counts one more write of the candidate that Salesforce refused for a passing reason (a row lock).
	 * @return the attempts so far, this one included
	 */
	public int countRefusedWrite(Candidate candidate) {
		this.jdbc.update("UPDATE reclamation_candidate SET write_attempts = write_attempts + 1 WHERE id = ?",
				candidate.id());
		Integer attempts = this.jdbc.queryForObject("SELECT write_attempts FROM reclamation_candidate WHERE id = ?",
				Integer.class, candidate.id());
		return (attempts != null) ? attempts : 0;
	}

	/**
	 * Audits that an operator lifted the caps for a candidate about to be written beyond them; the state stays (the
	 * write that follows is audited as usual).
	 */
	public void overrideCaps(Candidate candidate, String operator, String detail, Instant at, Mode mode) {
		audit(candidate.id(), candidate.key().profile(), new Transition(candidate.state(), candidate.state(), detail),
				mode, operator, at);
	}

	/** The audit trail of a candidate, oldest first, as "FROM->TO by ACTOR: DETAIL". */
	public List<String> trail(long candidateId) {
		return this.jdbc.query(
				"SELECT from_state, to_state, actor, detail FROM reclamation_audit WHERE candidate_id = ? ORDER BY id",
				(row, index) -> row.getString("from_state") + "->" + row.getString("to_state") + " by "
						+ row.getString("actor") + ": " + row.getString("detail"),
				candidateId);
	}

	private void audit(long candidateId, String profile, Transition transition, @Nullable Mode mode, String actor,
			Instant at) {
		this.jdbc.update(AUDIT_HEAD + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", candidateId, profile,
				(transition.from() != null) ? transition.from().name() : null, transition.to().name(),
				(mode != null) ? mode.name() : null, actor, RunKey.utc(at), transition.reason());
	}

	/** The ids of written candidates, read back by user in one statement. */
	private Map<CandidateKey, Long> idsOf(String profile, List<Evaluation> written) {
		List<String> users = written.stream().map(e -> e.key().userId()).distinct().toList();
		List<Object> args = new ArrayList<>(List.of(profile));
		args.addAll(users);
		Map<CandidateKey, Long> ids = new HashMap<>();
		this.jdbc.query("SELECT id, user_id, model, rule_name FROM reclamation_candidate WHERE profile = ? AND user_id IN ("
				+ Placeholders.of(users.size()) + ")", (RowCallbackHandler) (row) -> ids.put(new CandidateKey(profile,
						row.getString("user_id"), row.getString("model"), row.getString("rule_name")), row.getLong("id")),
				args.toArray());
		for (Evaluation evaluation : written) {
			if (!ids.containsKey(evaluation.key())) {
				throw new IllegalStateException("Candidate " + evaluation.key() + " was written but cannot be read back");
			}
		}
		return ids;
	}

	private static Candidate candidate(ResultSet row) throws SQLException {
		return new Candidate(row.getLong("id"),
				new CandidateKey(row.getString("profile"), row.getString("user_id"), row.getString("model"),
						row.getString("rule_name")),
				Action.valueOf(row.getString("action")), CandidateState.valueOf(row.getString("state")),
				row.getString("reason"), instant(row, "last_activity_at"), required(row, "detected_at"),
				required(row, "evaluated_at"), required(row, "state_changed_at"), row.getString("decided_by"),
				instant(row, "decided_at"), instant(row, "notified_at"), row.getString("notice"));
	}

	private static Instant required(ResultSet row, String column) throws SQLException {
		Instant value = instant(row, column);
		if (value == null) {
			throw new IllegalStateException("reclamation_candidate." + column + " is NOT NULL but read as null");
		}
		return value;
	}

	private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		LocalDateTime value = row.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

}
