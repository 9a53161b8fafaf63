package dev.seatkeeper.reclamation.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.reclamation.candidate.CandidateKey;
import dev.seatkeeper.reclamation.candidate.CandidateState;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class NoticeTemplateTests {

	static final Instant AS_OF = Instant.parse("2026-11-27T02:00:00Z");

	static final Notice.Recipient JANE = new Notice.Recipient("005000000000001AAA", "jane.obrien@acme.example",
			"jane.obrien@acme.example", "Jane O'Brien");

	private final NoticeTemplate template = new NoticeTemplate();

	@Test
	void theBodyNamesEachLicenseWithItsLastActivityAndReclaimDate() {
		Notice notice = new Notice(JANE, "Acme Corp", List.of(
				line(1, "UserLicense:SFDC", "Salesforce", Instant.parse("2026-08-01T23:30:00Z"), LocalDate.of(2026, 12, 11)),
				line(2, "PermissionSetLicense:SalesConsoleUser", "Sales Console User", null, LocalDate.of(2026, 12, 4))));

		String body = this.template.body(notice);

		assertThat(body).startsWith("Hello Jane O'Brien,")
			.contains("  - Salesforce (UserLicense:SFDC): last activity 2026-08-01, reclaimed from 2026-12-11\n")
			.contains("  - Sales Console User (PermissionSetLicense:SalesConsoleUser): never logged in, reclaimed from "
					+ "2026-12-04\n")
			.contains("in Acme Corp")
			.contains("log in to Salesforce before that date");
		assertThat(this.template.subject(notice))
			.isEqualTo("Your Salesforce licenses in Acme Corp may be reclaimed from 2026-12-04");
	}

	@Test
	void lastActivityIsTheUtcDayAndALicenseTwoRulesCoverIsListedOnceWithTheEarlierDate() {
		Instant lateEvening = Instant.parse("2026-08-01T23:59:59Z");
		Notice notice = new Notice(JANE, "Acme Corp",
				List.of(line(1, "UserLicense:SFDC", "Salesforce", lateEvening, LocalDate.of(2026, 12, 11)),
						line(2, "UserLicense:SFDC", "Salesforce", lateEvening, LocalDate.of(2026, 12, 4))));

		String body = this.template.body(notice);

		assertThat(body).containsOnlyOnce("Salesforce (UserLicense:SFDC)")
			.contains("last activity 2026-08-01, reclaimed from 2026-12-04");
	}

	@Test
	void aDowngradeSaysTheLicenseMovesToACheaperOneAndThatRecordsKeepIt() {
		Candidate downgrade = new Candidate(3, new CandidateKey("acme", JANE.userId(), "UserLicense:SFDC", "to-platform"),
				Action.DOWNGRADE, CandidateState.NEW, null, AS_OF, AS_OF, AS_OF, AS_OF, null, null, null, null);
		Notice notice = new Notice(JANE, "Acme Corp",
				List.of(new Notice.Line(downgrade, "Salesforce", AS_OF, LocalDate.of(2026, 12, 11))));

		assertThat(this.template.body(notice))
			.contains("  - Salesforce (UserLicense:SFDC): last activity 2026-11-27, moved to a cheaper license from"
					+ " 2026-12-11\n")
			.contains("logging in does not keep it, working on those records does.");
		assertThat(this.template.body(new Notice(JANE, "Acme Corp",
				List.of(line(1, "UserLicense:SFDC", "Salesforce", null, LocalDate.of(2026, 12, 11))))))
			.doesNotContain("cheaper");
	}

	@Test
	void aUserWithoutANameIsGreetedByUsername() {
		Notice.Recipient nameless = new Notice.Recipient("005000000000002AAA", "ops@acme.example", "ops@acme.example",
				null);

		assertThat(this.template.body(new Notice(nameless, "Acme Corp",
				List.of(line(1, "UserLicense:SFDC", "Salesforce", null, LocalDate.of(2026, 12, 11))))))
			.startsWith("Hello ops@acme.example,");
	}

	private static Notice.Line line(long id, String model, String label, @Nullable Instant lastActivity,
			LocalDate reclaimOn) {
		Candidate candidate = new Candidate(id, new CandidateKey("acme", JANE.userId(), model, "notify"),
				Action.DEACTIVATE, CandidateState.NEW, null, lastActivity, AS_OF, AS_OF, AS_OF, null, null, null, null);
		return new Notice.Line(candidate, label, lastActivity, reclaimOn);
	}

}
