package dev.seatkeeper.reclamation.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.seatkeeper.profile.ReclamationSettings.Action;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.reclamation.candidate.Candidates;
import dev.seatkeeper.salesforce.SalesforceClient;
import dev.seatkeeper.salesforce.SandboxClients;
import dev.seatkeeper.salesforce.SaveOutcome;
import dev.seatkeeper.sandbox.Sandbox;
import dev.seatkeeper.sandbox.org.OrgRecord;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.Row;
import dev.seatkeeper.testsupport.LicenseDependents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each reclaim action against the sandbox: what it finds still to write, the one write, and that the same look-up
 * afterwards finds nothing — which is what a restart relies on to never write a candidate twice.
 */
class ReclaimActionTests {

	static final Instant NOW = Instant.parse("2026-11-25T14:03:07Z");

	Sandbox sandbox;

	SalesforceClient client;

	@BeforeEach
	void start() {
		this.sandbox = Sandbox.builder().users(400).now(NOW).build().start();
		this.client = SandboxClients.connect(this.sandbox);
	}

	@AfterEach
	void stop() {
		this.sandbox.close();
	}

	@Test
	void deactivateWritesActiveUsersOnlyAndFreesTheirSeat() {
		Row active = user(true);
		Row inactive = user(false);
		Candidate toDeactivate = Candidates.approved(Action.DEACTIVATE, active.id(), "UserLicense:SFDC");
		Candidate alreadyInactive = Candidates.approved(Action.DEACTIVATE, inactive.id(), "UserLicense:SFDC");
		DeactivateUser action = new DeactivateUser(this.client);

		Map<Long, ReclaimAction.Target> pending = action.pending(List.of(toDeactivate, alreadyInactive));

		assertThat(pending).containsOnlyKeys(toDeactivate.id());
		assertThat(action.write(List.copyOf(pending.values()))).allMatch(SaveOutcome::success);
		assertThat(active.fieldValue("IsActive")).isEqualTo(false);
		assertThat(action.pending(List.of(toDeactivate))).as("a restart finds it done").isEmpty();
	}

	@Test
	void freezeSetsIsFrozenOnTheUsersUserLoginAndSkipsTheFrozen() {
		Row user = user(true);
		Row login = loginOf(user);
		Row frozen = this.sandbox.org().table(OrgTypes.USER_LOGIN).rows().stream()
			.filter(l -> Boolean.TRUE.equals(l.fieldValue("IsFrozen"))).findFirst().orElseThrow();
		Candidate toFreeze = Candidates.approved(Action.FREEZE, user.id(), "UserLicense:SFDC");
		Candidate alreadyFrozen = Candidates.approved(Action.FREEZE, (String) frozen.fieldValue("UserId"), "UserLicense:SFDC");
		FreezeUser action = new FreezeUser(this.client);
		this.sandbox.org().writer().journal().clear();

		Map<Long, ReclaimAction.Target> pending = action.pending(List.of(toFreeze, alreadyFrozen));

		assertThat(pending).containsOnlyKeys(toFreeze.id());
		assertThat(pending.get(toFreeze.id()).recordId()).isEqualTo(login.id());
		assertThat(action.write(List.copyOf(pending.values()))).allMatch(SaveOutcome::success);
		assertThat(login.fieldValue("IsFrozen")).isEqualTo(true);
		assertThat(user.fieldValue("IsActive")).as("freezing keeps the license").isEqualTo(true);
		assertThat(this.sandbox.org().writer().journal().entries()).singleElement()
			.satisfies(entry -> assertThat(entry.id()).isEqualTo(login.id()));
		assertThat(action.pending(List.of(toFreeze))).isEmpty();
	}

	@Test
	void removingAPermissionSetLicenseDeletesTheAssignmentOrNamesThePermissionSetsThatNeedIt() {
		Row free = licenseAssignment(a -> LicenseDependents.note(this.sandbox, a) == null);
		Row blocked = licenseAssignment(a -> !LicenseDependents.sets(this.sandbox, a).isEmpty()
				&& LicenseDependents.groups(this.sandbox, a).isEmpty());
		Row blockedByGroup = licenseAssignment(a -> LicenseDependents.sets(this.sandbox, a).isEmpty()
				&& !LicenseDependents.groups(this.sandbox, a).isEmpty());
		Candidate removable = Candidates.approved(Action.REMOVE_PERMISSION_SET_LICENSE,
				(String) free.fieldValue("AssigneeId"), model(free));
		Candidate refused = Candidates.approved(Action.REMOVE_PERMISSION_SET_LICENSE,
				(String) blocked.fieldValue("AssigneeId"), model(blocked));
		Candidate refusedByGroup = Candidates.approved(Action.REMOVE_PERMISSION_SET_LICENSE,
				(String) blockedByGroup.fieldValue("AssigneeId"), model(blockedByGroup));
		Row psl = (Row) free.related("PermissionSetLicense");
		int usedBefore = (int) psl.fieldValue("UsedLicenses");
		RemovePermissionSetLicense action = new RemovePermissionSetLicense(this.client);

		Map<Long, ReclaimAction.Target> pending = action.pending(List.of(removable, refused, refusedByGroup));
		Map<Long, String> notes = action.refusalNotes(pending.values());
		List<SaveOutcome> outcomes = action.write(List.of(pending.get(removable.id()), pending.get(refused.id()),
				pending.get(refusedByGroup.id())));

		assertThat(pending.get(removable.id()).recordId()).isEqualTo(free.id());
		assertThat(notes).containsOnlyKeys(refused.id(), refusedByGroup.id());
		assertThat(notes.get(refused.id())).isEqualTo("permission sets of the user that require this license: "
				+ String.join(", ", LicenseDependents.sets(this.sandbox, blocked)));
		assertThat(notes.get(refusedByGroup.id()))
			.isEqualTo("permission set groups of the user that require this license: Console_Team (Sales_Console_Access)");
		assertThat(outcomes.get(0).success()).isTrue();
		assertThat(outcomes.get(1).success()).isFalse();
		assertThat(outcomes.get(1).result().errorList().get(0).code()).isEqualTo("DELETE_FAILED");
		assertThat(outcomes.get(2).success()).as("a set required through a group blocks the removal too").isFalse();
		assertThat(psl.fieldValue("UsedLicenses")).isEqualTo(usedBefore - 1);
		assertThat(action.pending(List.of(removable, refused, refusedByGroup)))
			.containsOnlyKeys(refused.id(), refusedByGroup.id());
	}

	@Test
	void aRefusalNoteNamesBothTheSetsAndTheGroupsThatNeedTheLicense() {
		assertThat(RemovePermissionSetLicense.note(List.of("A", "B"), List.of("G (A)")))
			.isEqualTo("permission sets of the user that require this license: A, B; "
					+ "permission set groups of the user that require this license: G (A)");
		assertThat(RemovePermissionSetLicense.note(null, null)).isNull();
	}

	@Test
	void removingAPackageLicenseDeletesTheUsersUserPackageLicense() {
		Row seat = this.sandbox.org().table(OrgTypes.USER_PACKAGE_LICENSE).rows().stream()
			.filter(a -> !a.isDeleted()).findFirst().orElseThrow();
		OrgRecord pkg = seat.related("PackageLicense");
		int usedBefore = (int) pkg.value("UsedLicenses");
		Candidate candidate = Candidates.approved(Action.REMOVE_PACKAGE_LICENSE, (String) seat.fieldValue("UserId"),
				"PackageLicense:" + pkg.value("NamespacePrefix"));
		RemovePackageLicense action = new RemovePackageLicense(this.client);

		Map<Long, ReclaimAction.Target> pending = action.pending(List.of(candidate));

		assertThat(pending.get(candidate.id()).recordId()).isEqualTo(seat.id());
		assertThat(action.write(List.copyOf(pending.values()))).allMatch(SaveOutcome::success);
		assertThat(seat.isDeleted()).isTrue();
		assertThat(pkg.value("UsedLicenses")).isEqualTo(usedBefore - 1);
		assertThat(action.pending(List.of(candidate))).isEmpty();
		assertThat(action.describe(candidate)).isEqualTo("remove package license " + pkg.value("NamespacePrefix")
				+ " from user " + seat.fieldValue("UserId"));
	}

	@Test
	void aLicenseRemovalOfAModelOfAnotherKindIsUnsupported() {
		Candidate candidate = Candidates.approved(Action.REMOVE_PACKAGE_LICENSE, user(true).id(), "UserLicense:SFDC");
		assertThat(new RemovePackageLicense(this.client).unsupported(candidate))
			.isEqualTo("the rule removes a package license, but UserLicense:SFDC is not one");
		assertThat(new RemovePermissionSetLicense(this.client).unsupported(
				Candidates.approved(Action.REMOVE_PERMISSION_SET_LICENSE, user(true).id(), "PermissionSetLicense:X")))
			.isNull();
	}

	private Row user(boolean active) {
		return this.sandbox.org().table(OrgTypes.USER).rows().stream()
			.filter(u -> "SFDC".equals(u.value("Profile.UserLicense.LicenseDefinitionKey")))
			.filter(u -> Boolean.valueOf(active).equals(u.fieldValue("IsActive")))
			.filter(u -> !this.sandbox.org().protectedUsers().containsKey(u.id()))
			.filter(u -> !Boolean.TRUE.equals(loginOf(u).fieldValue("IsFrozen")))
			.findFirst()
			.orElseThrow();
	}

	private Row loginOf(Row user) {
		return this.sandbox.org().table(OrgTypes.USER_LOGIN).rows().stream()
			.filter(l -> user.id().equals(l.fieldValue("UserId"))).findFirst().orElseThrow();
	}

	private Row licenseAssignment(Predicate<Row> which) {
		return this.sandbox.org().table(OrgTypes.PERMISSION_SET_LICENSE_ASSIGN).rows().stream()
			.filter(a -> !a.isDeleted() && which.test(a))
			.findFirst().orElseThrow();
	}

	private static String model(Row licenseAssignment) {
		return "PermissionSetLicense:" + licenseAssignment.value("PermissionSetLicense.DeveloperName");
	}

}
