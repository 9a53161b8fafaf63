package dev.seatkeeper.reclamation;

import static dev.seatkeeper.reclamation.Holdings.AS_OF;
import static dev.seatkeeper.reclamation.Holdings.aHolding;
import static dev.seatkeeper.reclamation.Holdings.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.seatkeeper.cli.ExitCode;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;

/** The candidates commands against a stored set: one candidate of each user, two profiles, one skipped. */
class CandidatesCommandTests {

	static final Instant DECIDED = AS_OF.plusSeconds(3600);

	private CandidateStore store;

	private final StringWriter out = new StringWriter();

	@BeforeEach
	void storeCandidates() {
		this.store = new CandidateStore(new JdbcTemplate(TestDatabase.H2.fresh()));
		CandidateRecorder recorder = new CandidateRecorder(this.store);
		ReclamationRules rules = ReclamationRules.of(CandidateRecorderTests.SETTINGS, CandidateRecorderTests.INTEGRATION);
		recorder.record("acme", CandidateRecorderTests.SETTINGS, rules,
				List.of(idle("005000000000001AAA"), idle("005000000000002AAA"), idle(CandidateRecorderTests.INTEGRATION)),
				AS_OF);
		recorder.record("globex", CandidateRecorderTests.SETTINGS, rules, List.of(idle("005000000000003AAA")), AS_OF);
	}

	@Test
	void listFiltersByProfileAndStateAndShowsWhySkipped() {
		assertThat(run("list", "--profile", "acme")).isEqualTo(ExitCode.OK.code());

		assertThat(lines()).hasSize(4);
		assertThat(this.out.toString()).contains("005000000000001AAA")
			.contains("005000000000002AAA")
			.doesNotContain("005000000000003AAA")
			.containsPattern("SKIPPED .* the integration user");
		this.out.getBuffer().setLength(0);
		run("list", "--state", "NEW", "--rule", "idle-sales");
		assertThat(lines()).hasSize(4).noneMatch(line -> line.contains("SKIPPED"));
	}

	@Test
	void approveByIdRecordsTheOperatorAndTheTime() {
		long id = id("005000000000001AAA");

		assertThat(run("approve", "--id", String.valueOf(id), "--operator", "grace")).isEqualTo(ExitCode.OK.code());

		Candidate approved = this.store.get(id);
		assertThat(approved.state()).isEqualTo(CandidateState.APPROVED);
		assertThat(approved.decidedBy()).isEqualTo("grace");
		assertThat(approved.decidedAt()).isEqualTo(DECIDED);
		assertThat(this.store.get(id("005000000000002AAA")).state()).isEqualTo(CandidateState.NEW);
		assertThat(this.out.toString()).contains("1 candidate(s) approved by grace");
	}

	@Test
	void rejectAllMatchingMovesOnlyOpenCandidatesOfTheFilteredProfile() {
		run("reject", "--all", "--profile", "acme", "--operator", "grace");

		assertThat(this.store.find(new CandidateFilter("acme", CandidateState.REJECTED, null))).hasSize(2);
		assertThat(this.store.find(new CandidateFilter("acme", CandidateState.SKIPPED, null))).hasSize(1);
		assertThat(this.store.find(new CandidateFilter("globex", CandidateState.NEW, null))).hasSize(1);
		assertThat(this.out.toString()).contains("is SKIPPED: not rejected").contains("2 candidate(s) rejected by grace");
	}

	@Test
	void theOperatorDefaultsToTheOsUser() {
		run("approve", "--all", "--profile", "globex");

		assertThat(this.store.find(new CandidateFilter("globex", null, null)).get(0).decidedBy())
			.isEqualTo(System.getProperty("user.name"));
	}

	@Test
	void decidingWithoutIdsOrAllIsAUsageErrorAndChangesNothing() {
		assertThat(run("approve", "--profile", "acme")).isNotEqualTo(ExitCode.OK.code());

		assertThat(this.store.find(new CandidateFilter(null, CandidateState.APPROVED, null))).isEmpty();
	}

	private long id(String userId) {
		return this.store.find(new CandidateFilter("acme", null, null))
			.stream()
			.filter(candidate -> candidate.key().userId().equals(userId))
			.findFirst()
			.orElseThrow()
			.id();
	}

	private int run(String... arguments) {
		Clock clock = Clock.fixed(DECIDED, ZoneOffset.UTC);
		CommandLine.IFactory factory = new CommandLine.IFactory() {

			@Override
			@SuppressWarnings("unchecked")
			public <K> K create(Class<K> type) throws Exception {
				if (type == ListCandidatesCommand.class) {
					return (K) new ListCandidatesCommand(CandidatesCommandTests.this.store);
				}
				if (type == ApproveCandidatesCommand.class) {
					return (K) new ApproveCandidatesCommand(CandidatesCommandTests.this.store, clock);
				}
				if (type == RejectCandidatesCommand.class) {
					return (K) new RejectCandidatesCommand(CandidatesCommandTests.this.store, clock);
				}
				return CommandLine.defaultFactory().create(type);
			}

		};
		CommandLine commandLine = new CommandLine(CandidatesCommand.class, factory);
		commandLine.setOut(new PrintWriter(this.out, true));
		commandLine.setErr(new PrintWriter(new StringWriter(), true));
		return commandLine.execute(arguments);
	}

	private List<String> lines() {
		return this.out.toString().lines().toList();
	}

	private static Holding idle(String userId) {
		return aHolding().user(userId).lastLogin(daysAgo(100)).build();
	}

}
