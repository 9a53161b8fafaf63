package dev.seatkeeper.cli;

import static dev.seatkeeper.reclamation.rules.Holdings.AS_OF;
import static dev.seatkeeper.reclamation.rules.Holdings.aHolding;
import static dev.seatkeeper.reclamation.rules.Holdings.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import dev.seatkeeper.job.ExitCode;
import dev.seatkeeper.job.RunKey;
import dev.seatkeeper.profile.Profiles;
import dev.seatkeeper.profile.ProfilesProperties;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.reclamation.action.CapLedger;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.reclamation.candidate.CandidateFilter;
import dev.seatkeeper.reclamation.candidate.CandidateRecorder;
import dev.seatkeeper.reclamation.candidate.CandidateRecorderTests;
import dev.seatkeeper.reclamation.candidate.CandidateState;
import dev.seatkeeper.reclamation.candidate.CandidateStore;
import dev.seatkeeper.reclamation.rules.Holding;
import dev.seatkeeper.reclamation.rules.ReclamationRules;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The candidates commands against a stored set: one candidate of each user, two profiles, one skipped. */
@ParameterizedClass
@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
@ExtendWith(OutputCaptureExtension.class)
class CandidatesCommandTests {

	@Parameter
	TestDatabase database;

	static final Instant DECIDED = AS_OF.plusSeconds(3600);

	private CandidateStore store;

	private JdbcTemplate jdbc;

	@TempDir
	Path profilesDir;

	@BeforeEach
	void storeCandidates() {
		this.jdbc = new JdbcTemplate(this.database.fresh());
		this.store = new CandidateStore(this.jdbc);
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
	void listShowsUsernameNameLicenseRuleStateAndLastActivityInAlignedColumns(CapturedOutput output) {
		storeUser("acme", "005000000000001AAA", "ada@acme.example", "Ada O'Brien, Jr.");
		int start = output.getOut().length();

		assertThat(run("list", "--profile", "acme", "--wide")).isEqualTo(ExitCode.OK.code());

		List<String> lines = output.getOut().substring(start).lines().toList();
		assertThat(lines.get(0)).containsSubsequence("id", "profile", "username", "name", "license", "rule", "state",
				"last activity (UTC)", "note");
		String ada = lines.stream().filter(line -> line.contains("ada@acme.example")).findFirst().orElseThrow();
		assertThat(ada).containsSubsequence("acme", "ada@acme.example", "Ada O'Brien, Jr.", "UserLicense:SFDC",
				"idle-sales", "NEW", lastActivity("005000000000001AAA").toString().substring(0, 10));
		assertThat(ada.indexOf("UserLicense:SFDC")).as("aligned under its header").isEqualTo(lines.get(0).indexOf("license"));
		assertThat(ada.indexOf("NEW")).isEqualTo(lines.get(0).indexOf("state"));
		String unnamed = lines.stream().filter(line -> line.contains("005000000000002AAA")).findFirst().orElseThrow();
		assertThat(unnamed.indexOf("UserLicense:SFDC")).as("a user not stored shows its Id, still aligned")
			.isEqualTo(ada.indexOf("UserLicense:SFDC"));
	}

	@Test
	void listAsJsonAndCsvCarriesEveryField(CapturedOutput output) {
		storeUser("acme", "005000000000001AAA", "ada@acme.example", "Ada O'Brien, Jr.");
		int start = output.getOut().length();

		assertThat(run("list", "--profile", "acme", "--format", "json")).isEqualTo(ExitCode.OK.code());

		JsonNode json = JsonMapper.builder().build().readTree(output.getOut().substring(start));
		assertThat(json).hasSize(3);
		JsonNode ada = json.get(0);
		assertThat(ada.propertyNames()).containsExactly("id", "profile", "userId", "username", "name", "license", "rule",
				"action", "state", "stateChangedAt", "lastActivityAt", "note");
		assertThat(ada.get("username").asString()).isEqualTo("ada@acme.example");
		assertThat(ada.get("name").asString()).isEqualTo("Ada O'Brien, Jr.");
		assertThat(ada.get("license").asString()).isEqualTo("UserLicense:SFDC");
		assertThat(ada.get("state").asString()).isEqualTo("NEW");
		assertThat(ada.get("lastActivityAt").asString()).isEqualTo(lastActivity("005000000000001AAA").toString());
		assertThat(json.get(1).get("username").isNull()).as("a user not stored").isTrue();

		int csvStart = output.getOut().length();
		assertThat(run("list", "--profile", "acme", "--format", "csv")).isEqualTo(ExitCode.OK.code());

		List<String> csv = output.getOut().substring(csvStart).lines().toList();
		assertThat(csv.get(0)).isEqualTo("id,profile,user_id,username,name,license,rule,action,state,state_changed_at,"
				+ "last_activity_at,note");
		assertThat(csv.get(1)).startsWith(id("005000000000001AAA") + ",acme,005000000000001AAA,ada@acme.example,"
				+ "\"Ada O'Brien, Jr.\",UserLicense:SFDC,idle-sales,DEACTIVATE,NEW,");
		assertThat(csv).hasSize(4);
	}

	private void storeUser(String profile, String userId, String username, String name) {
		this.jdbc.update("""
				INSERT INTO sf_user (profile, user_id, username, full_name, is_active, first_seen, last_seen)
				VALUES (?, ?, ?, ?, TRUE, ?, ?)""", profile, userId, username, name, RunKey.utc(AS_OF), RunKey.utc(AS_OF));
	}

	private Instant lastActivity(String userId) {
		return this.store.get(id(userId)).lastActivityAt();
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
		assertThat(output.getOut()).contains("Left alone (SKIPPED cannot be rejected here): 1 SKIPPED")
			.contains("profile acme, rule idle-sales: 2 NEW")
			.contains("2 candidate(s) rejected by grace");
	}

	@Test
	void rejectAllLeavesAnotherOperatorsApprovalAloneUnlessApprovedAreIncluded(CapturedOutput output) {
		long ada = id("005000000000001AAA");
		run("approve", "--id", String.valueOf(ada), "--operator", "grace");

		assertThat(run("reject", "--all", "--profile", "acme", "--operator", "linus")).isEqualTo(ExitCode.OK.code());

		assertThat(this.store.get(ada).state()).isEqualTo(CandidateState.APPROVED);
		assertThat(this.store.get(id("005000000000002AAA")).state()).isEqualTo(CandidateState.REJECTED);
		assertThat(output.getOut()).contains("Left alone (APPROVED, SKIPPED cannot be rejected here): 1 APPROVED, 1 SKIPPED");

		assertThat(run("reject", "--all", "--profile", "acme", "--include-approved", "--operator", "linus"))
			.isEqualTo(ExitCode.OK.code());

		assertThat(this.store.get(ada).state()).isEqualTo(CandidateState.REJECTED);
		assertThat(this.store.get(ada).decidedBy()).isEqualTo("linus");
		assertThat(output.getOut()).contains("profile acme, rule idle-sales: 1 APPROVED");
	}

	@Test
	void anUnknownIdIsNamedExitsTwoAndNothingIsDecided(CapturedOutput output) {
		long ada = id("005000000000001AAA");

		assertThat(run("approve", "--id", ada + ",999999", "--operator", "grace"))
			.isEqualTo(ExitCode.INVALID_CONFIGURATION.code());

		assertThat(output.getOut()).contains("No candidate 999999 matches; nothing was approved");
		assertThat(this.store.get(ada).state()).isEqualTo(CandidateState.NEW);
	}

	@Test
	void aDecisionOnMoreThanFiftyCandidatesSaysWhatItWouldChangeAndNeedsYes(CapturedOutput output) {
		ReclamationRules rules = ReclamationRules.of(CandidateRecorderTests.SETTINGS, CandidateRecorderTests.INTEGRATION);
		new CandidateRecorder(this.store).record("big", CandidateRecorderTests.SETTINGS, rules,
				IntStream.range(100, 160).mapToObj(i -> idle(String.format("005000000000%03dAAA", i))).toList(), AS_OF);

		assertThat(run("approve", "--all", "--profile", "big", "--operator", "grace")).isEqualTo(ExitCode.USAGE.code());

		assertThat(output.getOut()).contains("Approving 60 candidate(s):")
			.contains("profile big, rule idle-sales: 60 NEW")
			.contains("Nothing was approved: a decision on more than 50 candidates needs --yes.");
		assertThat(this.store.find(new CandidateFilter("big", CandidateState.APPROVED, null))).isEmpty();

		assertThat(run("approve", "--all", "--profile", "big", "--operator", "grace", "--yes"))
			.isEqualTo(ExitCode.OK.code());

		assertThat(this.store.find(new CandidateFilter("big", CandidateState.APPROVED, null))).hasSize(60);
	}

	@Test
	void approvingInDetectModeWarnsThatNothingWillBeWrittenToSalesforce(CapturedOutput output) {
		run("approve", "--id", String.valueOf(id("005000000000001AAA")), "--operator", "grace");

		assertThat(output.getOut()).contains(
				"Warning: profile acme is in detect mode: nothing will be written to Salesforce until it runs in enforce mode.");

		run("approve", "--all", "--profile", "globex", "--operator", "grace");

		assertThat(output.getOut()).contains("Profile globex is in enforce mode: its next run reclaims these within the caps");
	}

	@Test
	void previewShowsTheCapArithmeticAndWhatTheNextRunWouldApproveWriteAndKeepWaiting(CapturedOutput output) {
		ReclamationRules rules = ReclamationRules.of(CandidateRecorderTests.SETTINGS, CandidateRecorderTests.INTEGRATION);
		new CandidateRecorder(this.store).record("globex", CandidateRecorderTests.SETTINGS, rules,
				IntStream.rangeClosed(4, 8).mapToObj(i -> idle("00500000000000" + i + "AAA")).toList(), AS_OF);
		IntStream.range(0, 20).forEach(i -> this.jdbc.update("""
				INSERT INTO sf_user (profile, user_id, username, is_active, first_seen, last_seen)
				VALUES ('globex', ?, ?, TRUE, ?, ?)""", "0050000000001" + (10 + i) + "AAA", "user" + i + "@globex.example",
				RunKey.utc(AS_OF), RunKey.utc(AS_OF)));
		reclaimed("005000000000007AAA", DECIDED.minus(Duration.ofHours(1)));
		reclaimed("005000000000008AAA", DECIDED.minus(Duration.ofHours(25)));
		run("approve", "--id", globex("005000000000004AAA") + "," + globex("005000000000005AAA"), "--operator", "grace");
		// Left: 006 NEW and due; 003 canceled by the second recording (not among its holdings); 007 and 008 reclaimed.
		int start = output.getOut().length();

		assertThat(run("preview", "--profile", "globex", "--profiles-dir", this.profilesDir.toString()))
			.isEqualTo(ExitCode.OK.code());

		String preview = output.getOut().substring(start);
		assertThat(preview).contains("Profile globex in enforce mode, as of " + DECIDED)
			.contains("Caps: daily limit min(maxPerRun 2, maxShareOfActiveUsers 0.25 x 20 active users = 5) = 2;"
					+ " 1 written in the last 24 h; 1 writes left, 2 approved waiting, so 0 new approvals.")
			.containsPattern("idle-sales +DEACTIVATE +1 +0 +2 +1 +0 +1 +2 +0");
		assertThat(this.store.find(new CandidateFilter("globex", CandidateState.APPROVED, null))).as("nothing moved")
			.hasSize(2);
	}

	@Test
	void previewOfADetectProfileSaysNothingIsWrittenAndWhoIsProtected(CapturedOutput output) {
		assertThat(run("preview", "--profile", "acme", "--profiles-dir", this.profilesDir.toString()))
			.isEqualTo(ExitCode.OK.code());

		assertThat(output.getOut()).contains("Detect mode: the next run records candidates only")
			.containsPattern("idle-sales +DEACTIVATE +2 +0 +0 +0 +0 +0 +0 +1")
			.containsPattern("1  idle-sales: the integration user");
		assertThat(run("preview", "--profile", "nobody", "--profiles-dir", this.profilesDir.toString()))
			.isEqualTo(ExitCode.INVALID_CONFIGURATION.code());
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
		CommandLine root = SeatkeeperCommandLine.create(CommandLine.defaultFactory());

		assertThat(root.getSubcommands()).containsKey("candidates");
		assertThat(root.getSubcommands().get("candidates").getSubcommands()).containsOnlyKeys("list", "preview", "approve",
				"reject");
	}

	/** A candidate of globex whose write was sent and succeeded at the given time, as the reclaim step audits it. */
	private void reclaimed(String userId, Instant at) {
		Candidate candidate = this.store.get(globex(userId));
		this.store.move(candidate, CandidateState.NEW, CandidateState.RECLAIMING, null, at, Mode.ENFORCE);
		this.store.move(this.store.get(candidate.id()), CandidateState.RECLAIMING, CandidateState.RECLAIMED, "deactivated",
				at, Mode.ENFORCE);
	}

	private long globex(String userId) {
		return this.store.find(new CandidateFilter("globex", null, null))
			.stream()
			.filter(candidate -> candidate.key().userId().equals(userId))
			.findFirst()
			.orElseThrow()
			.id();
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
					return (K) new ApproveCandidatesCommand(CandidatesCommandTests.this.store, clock, profiles());
				}
				if (type == RejectCandidatesCommand.class) {
					return (K) new RejectCandidatesCommand(CandidatesCommandTests.this.store, clock, profiles());
				}
				if (type == PreviewCandidatesCommand.class) {
					return (K) new PreviewCandidatesCommand(CandidatesCommandTests.this.store,
							new CapLedger(CandidatesCommandTests.this.jdbc), profiles(), clock);
				}
				return CommandLine.defaultFactory().create(type);
			}

		};
		CommandLine commandLine = SeatkeeperCommandLine.withExitCodes(new CommandLine(CandidatesCommand.class, factory));
		commandLine.setErr(new PrintWriter(new StringWriter(), true));
		return commandLine.execute(arguments);
	}

	/** The profiles of the stored candidates: acme in detect mode, globex in enforce with a cap of 2 writes a day. */
	private Profiles profiles() {
		try {
			Files.writeString(this.profilesDir.resolve("acme.yaml"), profile("acme", "detect", 100));
			Files.writeString(this.profilesDir.resolve("globex.yaml"), profile("globex", "enforce", 2));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Profiles(new ProfilesProperties(this.profilesDir), new StandardEnvironment());
	}

	private static String profile(String name, String mode, int maxPerRun) {
		return """
				name: %s
				status: published
				salesforce:
				  sandbox: {users: 100, seed: 1}
				reclamation:
				  mode: %s
				  maxPerRun: %d
				  maxShareOfActiveUsers: 0.25
				  rules:
				    - name: idle-sales
				      appliesTo: [UserLicense:SFDC]
				      lastActivityThresholdDays: 60
				      action: deactivate
				""".formatted(name, mode, maxPerRun);
	}

	private static Holding idle(String userId) {
		return aHolding().user(userId).lastLogin(daysAgo(100)).build();
	}

}
