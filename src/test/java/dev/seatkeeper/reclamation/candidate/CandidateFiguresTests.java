package dev.seatkeeper.reclamation.candidate;

import static dev.seatkeeper.reclamation.rules.Holdings.AS_OF;
import static dev.seatkeeper.reclamation.rules.Holdings.aHolding;
import static dev.seatkeeper.reclamation.rules.Holdings.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.List;

import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.profile.ReclamationSettings;
import dev.seatkeeper.reclamation.rules.Holding;
import dev.seatkeeper.reclamation.rules.ReclamationRules;
import dev.seatkeeper.reconciliation.ReclamationCounts;
import dev.seatkeeper.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** What reconciliation reads from the candidates: open seats per model and the pipeline by state. */
class CandidateFiguresTests {

	static final ReclamationSettings TWO_RULES = new ReclamationSettings(Mode.DETECT,
			List.of(new Rule("idle-60", List.of("user-license"), 60, false, 0, Action.DEACTIVATE, false),
					new Rule("idle-90", List.of("UserLicense:SFDC"), 90, false, 0, Action.FREEZE, false)),
			CandidateRecorderTests.SETTINGS.exclusions(), 100, 0.05, 30);

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void openCandidatesCountUsersOnceWhateverTheRulesAndThePipelineFollowsTheLifecycleOrder(TestDatabase database) {
		JdbcTemplate jdbc = new JdbcTemplate(database.fresh());
		CandidateStore store = new CandidateStore(jdbc);
		new CandidateRecorder(store).record("acme", TWO_RULES, ReclamationRules.of(TWO_RULES, CandidateRecorderTests.INTEGRATION),
				List.of(idle("005000000000001AAA", "UserLicense:SFDC"), idle("005000000000002AAA", "UserLicense:SFDC"),
						idle("005000000000003AAA", "UserLicense:Chatter"), idle(CandidateRecorderTests.INTEGRATION,
								"UserLicense:SFDC")),
				AS_OF);
		Candidate rejected = store.find(new CandidateFilter("acme", null, "idle-60")).get(0);
		store.decide(rejected, CandidateState.REJECTED, "grace", AS_OF);
		CandidateFigures figures = new CandidateFigures(jdbc);

		assertThat(figures.counts("acme", LocalDate.of(2026, 11, 27), "UserLicense:SFDC"))
			.as("both users are open under idle-90, one was rejected under idle-60 only")
			.isEqualTo(new ReclamationCounts(2, 0));
		assertThat(figures.counts("acme", LocalDate.of(2026, 11, 27), "UserLicense:Chatter"))
			.isEqualTo(new ReclamationCounts(1, 0));
		assertThat(figures.counts("globex", LocalDate.of(2026, 11, 27), "UserLicense:SFDC"))
			.isEqualTo(ReclamationCounts.NONE);
		assertThat(figures.pipeline("acme")).containsExactly(entry("new", 4),
				entry("rejected", 1), entry("skipped", 2));
	}

	@ParameterizedTest
	@MethodSource("dev.seatkeeper.testsupport.TestDatabase#all")
	void deactivatingFreesNoPermissionSetOrPackageSeatExceptTheOnesSalesforceReleases(TestDatabase database) {
		JdbcTemplate jdbc = new JdbcTemplate(database.fresh());
		ReclamationSettings deactivate = new ReclamationSettings(Mode.DETECT,
				List.of(new Rule("deactivate", List.of("permission-set-license", "package-license"), 60, false, 0,
						Action.DEACTIVATE, false),
						new Rule("remove", List.of("PermissionSetLicense:SalesConsoleUser"), 60, false, 0,
								Action.REMOVE_PERMISSION_SET_LICENSE, false)),
				CandidateRecorderTests.SETTINGS.exclusions(), 100, 0.05, 30);
		new CandidateRecorder(new CandidateStore(jdbc)).record("acme", deactivate,
				ReclamationRules.of(deactivate, CandidateRecorderTests.INTEGRATION),
				List.of(idle("005000000000001AAA", "PermissionSetLicense:SalesConsoleUser"),
						idle("005000000000002AAA", "PackageLicense:SBQQ"),
						idle("005000000000003AAA", "PermissionSetLicense:SalesforceCPQ_CPQStandardPerm")),
				AS_OF);
		CandidateFigures figures = new CandidateFigures(jdbc);
		LocalDate day = LocalDate.of(2026, 11, 27);

		assertThat(figures.counts("acme", day, "PermissionSetLicense:SalesConsoleUser")).as("only the removal frees it")
			.isEqualTo(new ReclamationCounts(1, 0));
		assertThat(figures.counts("acme", day, "PackageLicense:SBQQ")).isEqualTo(ReclamationCounts.NONE);
		assertThat(figures.counts("acme", day, "PermissionSetLicense:SalesforceCPQ_CPQStandardPerm"))
			.as("released on deactivation").isEqualTo(new ReclamationCounts(1, 0));
	}

	private static Holding idle(String userId, String model) {
		return aHolding().user(userId).lastLogin(daysAgo(120)).of(model).build();
	}

}
