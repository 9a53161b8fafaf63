package dev.seatkeeper.reclamation.candidate;

import static dev.seatkeeper.reclamation.rules.Holdings.AS_OF;
import static dev.seatkeeper.reclamation.rules.Holdings.aHolding;
import static dev.seatkeeper.reclamation.rules.Holdings.daysAgo;
import static dev.seatkeeper.testsupport.TableAssert.assertThatTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.profile.ReclamationSettings;
import dev.seatkeeper.reclamation.rules.Exclusions;
import dev.seatkeeper.reclamation.rules.Holding;
import dev.seatkeeper.reclamation.rules.ReclamationRules;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Candidates carried across runs on H2 and the server: detected, skipped, canceled, decided, audited. */
public class CandidateRecorderTests {

	static final String ADA = "005000000000001AAA";

	static final String BOB = "005000000000002AAA";

	public static final String INTEGRATION = "005000000000009AAA";

	public static final ReclamationSettings SETTINGS = new ReclamationSettings(Mode.DETECT,
			List.of(new Rule("idle-sales", List.of("UserLicense:SFDC"), 60, false, 0, Action.DEACTIVATE, false)),
			new ReclamationSettings.Exclusions(List.of(), List.of(), ReclamationSettings.Exclusions.DEFAULT_USER_TYPES,
					List.of()),
			100, 0.05, 30);

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void idleUsersBecomeCandidatesExcludedOnesAreSkippedAndRecordingTheRunAgainChangesNothing(TestDatabase database) {
		CandidateStore store = new CandidateStore(new JdbcTemplate(database.fresh()));
		CandidateRecorder recorder = new CandidateRecorder(store);
		List<Holding> holdings = List.of(idle(ADA), idle(INTEGRATION), aHolding().user(BOB).lastLogin(daysAgo(5)).build());

		recorder.record("acme", SETTINGS, rules(), holdings, AS_OF);
		CandidateRecorder.Tally again = recorder.record("acme", SETTINGS, rules(), holdings, AS_OF);

		assertThat(store.find(new CandidateFilter("acme", null, null)))
			.extracting(candidate -> candidate.key().userId(), Candidate::state, Candidate::reason)
			.containsExactly(tuple(ADA, CandidateState.NEW, null),
					tuple(INTEGRATION, CandidateState.SKIPPED, "the integration user"));
		assertThat(again.movedTo(CandidateState.NEW) + again.movedTo(CandidateState.SKIPPED)).isZero();
		Candidate ada = store.find(new CandidateFilter("acme", CandidateState.NEW, "idle-sales")).get(0);
		assertThat(ada.lastActivityAt()).isEqualTo(daysAgo(100));
		assertThat(ada.detectedAt()).isEqualTo(AS_OF);
		assertThat(store.trail(ada.id())).containsExactly("null->NEW by seatkeeper: null");
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void aUserWhoLogsInAgainIsCanceledAndAHoldingThatDisappearsToo(TestDatabase database) {
		CandidateStore store = new CandidateStore(new JdbcTemplate(database.fresh()));
		CandidateRecorder recorder = new CandidateRecorder(store);
		recorder.record("acme", SETTINGS, rules(), List.of(idle(ADA), idle(BOB)), AS_OF);
		Instant nextNight = AS_OF.plus(Duration.ofDays(1));

		recorder.record("acme", SETTINGS, rules(),
				List.of(aHolding().user(ADA).lastLogin(daysAgo(100)).lastHistoryLogin(nextNight.minusSeconds(3600)).build()),
				nextNight);

		assertThat(store.find(new CandidateFilter("acme", CandidateState.CANCELED, null)))
			.extracting(candidate -> candidate.key().userId(), Candidate::reason, Candidate::stateChangedAt)
			.containsExactly(tuple(ADA, "activity reappeared: last active " + nextNight.minusSeconds(3600), nextNight),
					tuple(BOB, "the user no longer holds the license or is no longer active", nextNight));
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void candidatesWrittenInBatchesAreEachAuditedUnderTheirOwnId(TestDatabase database) {
		JdbcTemplate jdbc = new JdbcTemplate(database.fresh());
		CandidateStore store = new CandidateStore(jdbc);
		CandidateRecorder recorder = new CandidateRecorder(store);
		int users = 2 * CandidateRecorder.BATCH + 345;
		List<Holding> idle = IntStream.range(0, users).mapToObj(i -> idle("005%015d".formatted(i))).toList();
		recorder.record("acme", SETTINGS, rules(), idle, AS_OF);
		Instant nextNight = AS_OF.plus(Duration.ofDays(1));

		CandidateRecorder.Tally tally = recorder.record("acme", SETTINGS, rules(),
				idle.stream().filter(holding -> Integer.parseInt(holding.userId().substring(3)) % 2 == 0).toList(),
				nextNight);

		int canceled = users / 2;
		assertThat(tally.movedTo(CandidateState.CANCELED)).isEqualTo(canceled);
		assertThatTable(jdbc, "reclamation_audit").hasRows(users + canceled);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reclamation_audit a JOIN reclamation_candidate c "
				+ "ON c.id = a.candidate_id WHERE a.to_state = c.state AND c.state_changed_at = ?", Integer.class,
				RunKey.utc(nextNight)))
			.as("each cancel audited under the canceled candidate")
			.isEqualTo(canceled);
		assertThat(store.find(new CandidateFilter("acme", CandidateState.NEW, null))).hasSize(users - canceled)
			.allSatisfy(candidate -> assertThat(store.trail(candidate.id())).containsExactly("null->NEW by seatkeeper: null"));
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void anOperatorDecidesOnlyOpenCandidatesAndIsRecordedWithTheTime(TestDatabase database) {
		JdbcTemplate jdbc = new JdbcTemplate(database.fresh());
		CandidateStore store = new CandidateStore(jdbc);
		new CandidateRecorder(store).record("acme", SETTINGS, rules(), List.of(idle(ADA)), AS_OF);
		Candidate ada = store.find(new CandidateFilter("acme", null, null)).get(0);
		Instant later = AS_OF.plusSeconds(600);

		assertThat(store.decide(ada, CandidateState.REJECTED, "grace", later)).isTrue();
		assertThat(store.decide(ada, CandidateState.APPROVED, "mallory", later)).as("no longer NEW").isFalse();

		Candidate rejected = store.get(ada.id());
		assertThat(rejected.state()).isEqualTo(CandidateState.REJECTED);
		assertThat(rejected.decidedBy()).isEqualTo("grace");
		assertThat(rejected.decidedAt()).isEqualTo(later);
		assertThat(store.trail(ada.id())).containsExactly("null->NEW by seatkeeper: null",
				"NEW->REJECTED by grace: decided by grace");
		assertThat(jdbc.queryForList("SELECT user_id, rule_name, to_state, actor FROM v_reclamation_audit ORDER BY audit_id"))
			.extracting(row -> row.get("USER_ID") + " " + row.get("RULE_NAME") + " " + row.get("TO_STATE") + " "
					+ row.get("ACTOR"))
			.containsExactly(ADA + " idle-sales NEW seatkeeper", ADA + " idle-sales REJECTED grace");
		new CandidateRecorder(store).record("acme", SETTINGS, rules(), List.of(idle(ADA)), later);
		assertThat(store.get(ada.id()).state()).as("a run never overrides the operator").isEqualTo(CandidateState.REJECTED);
	}

	private static ReclamationRules rules() {
		return ReclamationRules.of(SETTINGS, INTEGRATION);
	}

	private static Holding idle(String userId) {
		return aHolding().user(userId).lastLogin(daysAgo(100)).build();
	}

}
