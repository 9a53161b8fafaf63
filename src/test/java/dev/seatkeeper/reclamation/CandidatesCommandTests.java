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
import dev.seatkeeper.cli.SeatkeeperCommand;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;

/** The candidates commands against a stored set: one candidate of each user, two profiles, one skipped. */
@ExtendWith(OutputCaptureExtension.class)
class CandidatesCommandTests {

	static final Instant DECIDED = AS_OF.plusSeconds(3600);

	private CandidateStore store;


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
	void listFiltersByProfileAndStateAndShowsWhySkipped(CapturedOutput output) {
		int start = output.getOut().length();
		assertThat(run("list", "--profile", "acme")).isEqualTo(ExitCode.OK.code());

		String acme = output.getOut().substring(start);
		assertThat(acme).contains("005000000000001AAA")
			.contains("005000000000002AAA")
			.doesNotContain("005000000000003AAA")
			.containsPattern("SKIPPED .* the integration user");
		int next = output.getOut().length();
		run("list", "--state", "NEW", "--rule", "idle-sales");
		assertThat(output.getOut().substring(next).lines().filter(line -> line.contains(" NEW "))).hasSize(3);
		assertThat(output.getOut().substring(next)).doesNotContain("SKIPPED");
	}

	@Test
	void listShowsWhatBecameOfANotice(CapturedOutput output) {
		Candidate candidate = this.store.get(id("005000000000001AAA"));
		this.store.notice(candidate, CandidateState.NEW, CandidateState.NOTIFIED, AS_OF,
				"notice sent to ada@acme.example: reclaim from 2026-12-11", AS_OF, Mode.ENFORCE);
		int start = output.getOut().length();

		run("list", "--profile", "acme", "--state", "NOTIFIED");

		assertThat(output.getOut().substring(start))
			.containsPattern("NOTIFIED .* notice sent to ada@acme.example: reclaim from 2026-12-11");
	}

	@Test
	void approveByIdRecordsTheOperatorAndTheTime(CapturedOutput output) {
		long id = id("005000000000001AAA");

		assertThat(run("approve", "--id", String.valueOf(id), "--operator", "grace")).isEqualTo(ExitCode.OK.code());

		Candidate approved = this.store.get(id);
		assertThat(approved.state()).isEqualTo(CandidateState.APPROVED);
		assertThat(approved.decidedBy()).isEqualTo("grace");
		assertThat(approved.decidedAt()).isEqualTo(DECIDED);
		assertThat(this.store.get(id("005000000000002AAA")).state()).isEqualTo(CandidateState.NEW);
		assertThat(output.getOut()).contains("1 candidate(s) approved by grace");
	}

	@Test
	void rejectAllMatchingMovesOnlyOpenCandidatesOfTheFilteredProfile(CapturedOutput output) {
		run("reject", "--all", "--profile", "acme", "--operator", "grace");

		assertThat(this.store.find(new CandidateFilter("acme", CandidateState.REJECTED, null))).hasSize(2);
		assertThat(this.store.find(new CandidateFilter("acme", CandidateState.SKIPPED, null))).hasSize(1);
		assertThat(this.store.find(new CandidateFilter("globex", CandidateState.NEW, null))).hasSize(1);
		assertThat(output.getOut()).contains("is SKIPPED: not rejected").contains("2 candidate(s) rejected by grace");
	}

	@Test
	void theOperatorDefaultsToTheOsUser() {
		run("approve", "--all", "--profile", "globex");

		assertThat(this.store.find(new CandidateFilter("globex", null, null)).get(0).decidedBy())
			.isEqualTo(System.getProperty("user.name"));
	}

	@Test
	void decidingWithoutIdsOrAllOrWithBothIsAUsageErrorAndChangesNothing() {
		assertThat(run("approve", "--profile", "acme")).isEqualTo(ExitCode.USAGE.code());
		assertThat(run("approve", "--all", "--id", String.valueOf(id("005000000000001AAA")))).isEqualTo(ExitCode.USAGE.code());

		assertThat(this.store.find(new CandidateFilter(null, CandidateState.APPROVED, null))).isEmpty();
	}

	@Test
	void theRootCommandListsCandidatesEvenBeforeSpringBuildsTheCommands() {
		CommandLine root = new CommandLine(SeatkeeperCommand.class);

		assertThat(root.getSubcommands()).containsKey("candidates");
		assertThat(root.getSubcommands().get("candidates").getSubcommands()).containsOnlyKeys("list", "approve", "reject");
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
		commandLine.setErr(new PrintWriter(new StringWriter(), true));
		return commandLine.execute(arguments);
	}

	private static Holding idle(String userId) {
		return aHolding().user(userId).lastLogin(daysAgo(100)).build();
	}

}
