package dev.seatkeeper.reclamation.notice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.reclamation.candidate.AutoApproval;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.reclamation.candidate.CandidateFilter;
import dev.seatkeeper.reclamation.candidate.CandidateState;
import dev.seatkeeper.reclamation.candidate.CandidateStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The notices a run owes: NEW candidates of rules that notify users, grouped by user, each with the user's
 * {@code User.Email} and the labels of the licenses. Reads only; a NOTIFIED candidate is never owed a notice again.
 */
public class NoticeReader {

	private static final String RECIPIENTS = """
			SELECT u.user_id, u.username, u.email, u.full_name FROM sf_user u
			WHERE u.profile = ? AND u.user_id IN (
			    SELECT c.user_id FROM reclamation_candidate c WHERE c.profile = ? AND c.state = 'NEW')""";

	private final JdbcTemplate jdbc;

	private final CandidateStore store;

	public NoticeReader(JdbcTemplate jdbc, CandidateStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	/** One notice per user holding NEW candidates of the notifying rules, by user Id, sent as of {@code asOf}. */
	public List<Notice> owed(String profile, String org, Map<String, Rule> notifyingRules, Instant asOf) {
		Map<String, Notice.Recipient> recipients = recipients(profile);
		Map<String, String> labels = labels(profile);
		Map<String, List<Notice.Line>> linesByUser = new LinkedHashMap<>();
		for (Candidate candidate : this.store.find(new CandidateFilter(profile, CandidateState.NEW, null))) {
			Rule rule = notifyingRules.get(candidate.key().rule());
			if (rule != null && recipients.containsKey(candidate.key().userId())) {
				String model = candidate.key().model();
				linesByUser.computeIfAbsent(candidate.key().userId(), user -> new ArrayList<>())
					.add(new Notice.Line(candidate, labels.getOrDefault(model, model), candidate.lastActivityAt(),
							AutoApproval.reclaimDate(asOf, rule)));
			}
		}
		return linesByUser.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(user -> new Notice(Objects.requireNonNull(recipients.get(user.getKey()),
					"only users with a recipient get lines"), org, user.getValue()))
			.toList();
	}

	/** NOTIFIED candidates whose notice has no sending time: a run stopped between recording and confirming it. */
	public List<Candidate> interrupted(String profile) {
		return this.store.find(new CandidateFilter(profile, CandidateState.NOTIFIED, null))
			.stream()
			.filter(candidate -> candidate.notifiedAt() == null && candidate.notice() != null
					&& candidate.notice().startsWith(NoticeTasklet.SENDING))
			.toList();
	}

	private Map<String, Notice.Recipient> recipients(String profile) {
		Map<String, Notice.Recipient> recipients = new HashMap<>();
		this.jdbc.query(RECIPIENTS, row -> {
			recipients.put(row.getString("user_id"), new Notice.Recipient(row.getString("user_id"),
					row.getString("username"), row.getString("email"), row.getString("full_name")));
		}, profile, profile);
		return recipients;
	}

	private Map<String, String> labels(String profile) {
		Map<String, String> labels = new HashMap<>();
		this.jdbc.query("SELECT identifier, label FROM software_model WHERE profile = ?",
				row -> {
					labels.put(row.getString("identifier"), row.getString("label"));
				}, profile);
		return labels;
	}

}
